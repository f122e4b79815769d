import 'server-only';
import { DEFAULT_ITERATIONS, mechanismName, mechanismType, newSalt, saltedPassword, type ScramMechanismName } from '@/lib/scram-credential';
import type { ScramUser, ScramUserChange } from '@/lib/types/users';
import type { ScramUserInput } from '@/lib/user-validation';
import { clusterConfig, withCluster } from './clients';
import { ApiError, notFound } from './errors';
import { apiErrorFromKafkaCode, KafkaErrorCode } from './kafka-error-codes';
import { alterUserScramCredentials, type AlterUserScramCredentialsRequest } from './protocol/codecs/alter-user-scram-credentials';
import { describeUserScramCredentials } from './protocol/codecs/describe-user-scram-credentials';
import type { ProtocolCluster } from './protocol';
import { untilSeen } from './until-seen';

async function describe(protocol: ProtocolCluster, users: string[] | null): Promise<ScramUser[]> {
  const answer = await protocol.call(describeUserScramCredentials, { users });
  if (answer.errorCode !== 0) throw apiErrorFromKafkaCode(answer.errorCode, answer.errorMessage, 'Listing SCRAM users failed');
  const found: ScramUser[] = [];
  for (const result of answer.results) {
    if (result.errorCode === KafkaErrorCode.RESOURCE_NOT_FOUND) continue;
    if (result.errorCode !== 0) throw apiErrorFromKafkaCode(result.errorCode, result.errorMessage, `Describing user ${result.user} failed`);
    found.push({
      name: result.user,
      mechanisms: result.credentials
        .map((c) => ({ mechanism: mechanismName(c.mechanism) ?? ('UNKNOWN' as const), iterations: c.iterations }))
        .sort((a, b) => a.mechanism.localeCompare(b.mechanism)),
    });
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every user with SCRAM credentials, with mechanisms and iterations (`kafka-configs --describe --entity-type users`). */
export function listUsers(cluster: string): Promise<ScramUser[]> {
  return withCluster(cluster, ({ protocol }) => describe(protocol, null));
}

/**
 * The dashboard's own SASL login for this cluster is not changed from the dashboard: a new password
 * or a deleted credential would cut the dashboard off mid-request, with no way back from the page.
 */
function refuseOwnLogin(cluster: string, name: string) {
  if (clusterConfig(cluster).sasl?.username === name) {
    throw new ApiError(
      'OWN_LOGIN',
      `The dashboard logs in to ${cluster} as ${name}: change that user with kafka-configs and the dashboard's configuration together`,
    );
  }
}

async function alter(protocol: ProtocolCluster, request: AlterUserScramCredentialsRequest, user: string) {
  const { results } = await protocol.call(alterUserScramCredentials, request);
  const failed = results.find((r) => r.errorCode !== 0);
  // The broker's message names the user and the rule, never the credential (it never sees the password).
  if (failed) throw apiErrorFromKafkaCode(failed.errorCode, failed.errorMessage, `Changing the credentials of user ${user} failed`);
}

/**
 * Creates the user or replaces its password for one mechanism. The password is salted and hashed
 * here (Kafka's way); only the salt and the salted password leave the server, and the password is
 * in no answer, log or error message. Returns once a describe shows the change, so a list read
 * right after includes it.
 */
export async function upsertUser(cluster: string, input: ScramUserInput): Promise<ScramUserChange> {
  refuseOwnLogin(cluster, input.name);
  const iterations = input.iterations ?? DEFAULT_ITERATIONS;
  const salt = newSalt();
  const salted = await saltedPassword(input.mechanism, input.password, salt, iterations);
  const mechanism = mechanismType(input.mechanism);
  return withCluster(cluster, async ({ protocol }) => {
    await alter(protocol, { deletions: [], upsertions: [{ name: input.name, mechanism, iterations, salt, saltedPassword: salted }] }, input.name);
    await untilSeen(async () =>
      (await describe(protocol, [input.name]))[0]?.mechanisms.some((m) => m.mechanism === input.mechanism && m.iterations === iterations),
    );
    return { name: input.name, mechanism: input.mechanism, iterations };
  });
}

/**
 * Deletes one mechanism of a user, or (no mechanism) all of them, one request each: Kafka refuses
 * two changes to one user's credentials in one request. 404 when the user has no such credential.
 */
export function deleteUser(cluster: string, name: string, mechanism: ScramMechanismName | null): Promise<void> {
  refuseOwnLogin(cluster, name);
  return withCluster(cluster, async ({ protocol }) => {
    const [user] = await describe(protocol, [name]);
    const has = (user?.mechanisms ?? []).map((m) => m.mechanism).filter((m): m is ScramMechanismName => m !== 'UNKNOWN');
    const doomed = mechanism === null ? has : has.filter((m) => m === mechanism);
    if (doomed.length === 0)
      throw notFound('USER_NOT_FOUND', mechanism ? `User ${name} has no ${mechanism} credential` : `User ${name} has no SCRAM credentials`);
    for (const m of doomed) await alter(protocol, { deletions: [{ name, mechanism: mechanismType(m) }], upsertions: [] }, name);
    await untilSeen(async () => !(await describe(protocol, [name]))[0]?.mechanisms.some((m) => doomed.includes(m.mechanism as ScramMechanismName)));
  });
}
