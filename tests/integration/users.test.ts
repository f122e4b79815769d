// SCRAM users through the API, checked with kafka-configs --describe and by logging in over SASL
// with the password set. Never touches the cluster's own user "admin"; every user made here is deleted.
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import { call } from '../support/api';
import { kafkaCli, waitFor } from '../support/kafka-cli';
import { viewerSession } from '../support/roles';

const SASL_BROKERS = ['127.0.0.1:19192', '127.0.0.1:19193', '127.0.0.1:19194'];
const stamp = Date.now();
const user = `it-user-${stamp}`;
const PASSWORD = `pw-${stamp}-Zq9!`;
const PASSWORD_512 = `pw512-${stamp}-Yx8?`;
const logged: string[] = [];

vi.stubEnv(
  'KAFKA_CLUSTERS',
  JSON.stringify([
    { name: 'local', brokers: LOCAL_BOOTSTRAP },
    // The dashboard logging in as the user under test: its own login must not be changed from the page.
    { name: 'as-user', brokers: SASL_BROKERS, sasl: { mechanism: 'scram-sha-256', username: user, password: PASSWORD } },
  ]),
);

let users: typeof import('@/app/api/clusters/[cluster]/users/route');
let oneUser: typeof import('@/app/api/clusters/[cluster]/users/[user]/route');
let asViewer: Awaited<ReturnType<typeof viewerSession>>;

beforeAll(async () => {
  asViewer = await viewerSession();
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  users = await import('@/app/api/clusters/[cluster]/users/route');
  oneUser = await import('@/app/api/clusters/[cluster]/users/[user]/route');
});

afterAll(() => {
  // Whatever a failed test left: both mechanisms, one request each (a missing one only prints an error).
  for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512']) {
    try {
      kafkaCli('configs', '--alter', '--entity-type', 'users', '--entity-name', user, '--delete-config', mechanism);
    } catch {
      // not there: fine
    }
  }
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** kafka-configs' view of the user: "SCRAM-SHA-256=iterations=4096, …", or '' when it has no credentials. */
function cliCredentials(name: string): string {
  const line = kafkaCli('configs', '--describe', '--entity-type', 'users', '--entity-name', name)
    .split('\n')
    .find((l) => l.startsWith(`SCRAM credential configs for user-principal '${name}' are `));
  return line ? line.split(' are ')[1].split(', ').sort().join(', ') : '';
}

/** Whether `name` can log in over SASL with `password` (an admin request after the handshake). */
async function canLogIn(mechanism: 'scram-sha-256' | 'scram-sha-512', name: string, password: string): Promise<boolean> {
  const sasl: SASLOptions = mechanism === 'scram-sha-256' ? { mechanism, username: name, password } : { mechanism, username: name, password };
  const admin = new Kafka({ clientId: 'it-users-login', brokers: [SASL_BROKERS[0]], sasl, logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } catch (error) {
    if ((error as Error).name === 'KafkaJSSASLAuthenticationError') return false;
    throw error;
  } finally {
    await admin.disconnect();
  }
}

const post = (body: unknown, cluster = 'local') => call(users.POST, { cluster }, { method: 'POST', body });
const del = (name: string, mechanism?: string) =>
  call(
    oneUser.DELETE,
    { cluster: 'local', user: name },
    { method: 'DELETE', url: `http://localhost/api/clusters/local/users/${encodeURIComponent(name)}${mechanism ? `?mechanism=${mechanism}` : ''}` },
  );

// kafka-configs starts a JVM per call: seconds each on a busy machine.
const SLOW = 300_000;

describe('SCRAM users', () => {
  it(
    'creates a user that logs in with its password and not with another, as kafka-configs describes it',
    async () => {
      const created = await post({ name: user, mechanism: 'SCRAM-SHA-256', password: PASSWORD });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ name: user, mechanism: 'SCRAM-SHA-256', iterations: 4096 });
      expect(cliCredentials(user)).toBe('SCRAM-SHA-256=iterations=4096');
      const listed = await call(users.GET, { cluster: 'local' });
      expect(listed.status).toBe(200);
      expect(listed.body.users.find((u: { name: string }) => u.name === user)).toEqual({
        name: user,
        mechanisms: [{ mechanism: 'SCRAM-SHA-256', iterations: 4096 }],
      });
      // The list matches the tool's for this file's users and the cluster's admin (read only). Other
      // files running beside this one create and delete their own users meanwhile: not compared.
      const ours = (listed.body.users as { name: string; mechanisms: { mechanism: string; iterations: number }[] }[]).filter(
        (u) => u.name === user || u.name === 'admin',
      );
      expect(ours.map((u) => u.name).sort()).toEqual(['admin', user]);
      for (const u of ours) {
        expect(cliCredentials(u.name)).toBe(
          u.mechanisms
            .map((m) => `${m.mechanism}=iterations=${m.iterations}`)
            .sort()
            .join(', '),
        );
      }
      expect(await canLogIn('scram-sha-256', user, PASSWORD)).toBe(true);
      expect(await canLogIn('scram-sha-256', user, `${PASSWORD}x`)).toBe(false);
      expect(await canLogIn('scram-sha-512', user, PASSWORD)).toBe(false); // no SHA-512 credential yet
    },
    SLOW,
  );

  it(
    'adds SCRAM-SHA-512 with 8192 iterations next to it, and deletes one mechanism, then the user',
    async () => {
      const added = await post({ name: user, mechanism: 'SCRAM-SHA-512', password: PASSWORD_512, iterations: 8192 });
      expect(added.status).toBe(201);
      expect(cliCredentials(user)).toBe('SCRAM-SHA-256=iterations=4096, SCRAM-SHA-512=iterations=8192');
      expect(await canLogIn('scram-sha-512', user, PASSWORD_512)).toBe(true);
      expect(await canLogIn('scram-sha-256', user, PASSWORD)).toBe(true);

      expect((await del(user, 'SCRAM-SHA-512')).status).toBe(204);
      expect(cliCredentials(user)).toBe('SCRAM-SHA-256=iterations=4096');
      expect(await canLogIn('scram-sha-512', user, PASSWORD_512)).toBe(false);
      const missing = await del(user, 'SCRAM-SHA-512');
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('USER_NOT_FOUND');
    },
    SLOW,
  );

  it(
    'refuses to change the user the dashboard itself logs in as (409), and changes nothing',
    async () => {
      const refused = await post({ name: user, mechanism: 'SCRAM-SHA-256', password: 'another-password' }, 'as-user');
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('OWN_LOGIN');
      expect(await canLogIn('scram-sha-256', user, PASSWORD)).toBe(true);
    },
    SLOW,
  );

  it(
    'refuses bad input with 400, without the password in the answer, and changes nothing',
    async () => {
      const other = `${user}-bad`;
      const cases: [unknown, RegExp][] = [
        [{ name: other, mechanism: 'SCRAM-SHA-256', password: PASSWORD, iterations: 100 }, /at least 4096/],
        [{ name: other, mechanism: 'SCRAM-SHA-256', password: PASSWORD, iterations: 20000 }, /at most 16384/],
        [{ name: other, mechanism: 'SCRAM-SHA-256', password: PASSWORD, iterations: 5000.5 }, /whole number/],
        [{ name: other, mechanism: 'MD5', password: PASSWORD }, /SCRAM-SHA-256 or SCRAM-SHA-512/],
        [{ name: other, mechanism: 'SCRAM-SHA-256', password: '' }, /password is required/],
        [{ name: other, mechanism: 'SCRAM-SHA-256', password: 42 }, /password/],
        [{ name: '', mechanism: 'SCRAM-SHA-256', password: PASSWORD }, /name is required/],
        [{ name: `${other}\n`, mechanism: 'SCRAM-SHA-256', password: PASSWORD }, /control characters/],
        [{ mechanism: 'SCRAM-SHA-256', password: PASSWORD }, /name is required/],
      ];
      for (const [body, message] of cases) {
        const answer = await post(body);
        expect(answer.status, JSON.stringify(answer.body)).toBe(400);
        expect(answer.body.error.message).toMatch(message);
        expect(JSON.stringify(answer.body)).not.toContain(PASSWORD);
      }
      const badMechanism = await del(user, 'MD5');
      expect(badMechanism.status).toBe(400);
      expect(cliCredentials(other)).toBe('');
      expect(cliCredentials(user)).toBe('SCRAM-SHA-256=iterations=4096');
    },
    SLOW,
  );

  it(
    'refuses changes when READ_ONLY and for the viewer role (403), and changes nothing',
    async () => {
      vi.stubEnv('READ_ONLY', 'true');
      try {
        const created = await post({ name: `${user}-ro`, mechanism: 'SCRAM-SHA-256', password: PASSWORD });
        expect(created.status).toBe(403);
        expect(created.body.error.code).toBe('READ_ONLY');
        expect((await del(user)).status).toBe(403);
        expect((await call(users.GET, { cluster: 'local' })).status).toBe(200);
      } finally {
        vi.stubEnv('READ_ONLY', '');
      }
      for (const [method, url] of [
        ['POST', 'http://localhost/api/clusters/local/users'],
        ['DELETE', `http://localhost/api/clusters/local/users/${user}`],
      ]) {
        const refused = await asViewer(method, url);
        expect(refused.status).toBe(403);
        expect(refused.passed).toBe(false);
      }
      expect((await asViewer('GET', 'http://localhost/api/clusters/local/users')).passed).toBe(true);
      expect(cliCredentials(`${user}-ro`)).toBe('');
      expect(cliCredentials(user)).toBe('SCRAM-SHA-256=iterations=4096');
    },
    SLOW,
  );

  it(
    'deletes every mechanism without ?mechanism, and never logs a password',
    async () => {
      expect((await del(user)).status).toBe(204);
      expect(cliCredentials(user)).toBe('');
      await waitFor(async () => ((await canLogIn('scram-sha-256', user, PASSWORD)) ? undefined : true), 10_000);
      const listed = await call(users.GET, { cluster: 'local' });
      expect(listed.body.users.some((u: { name: string }) => u.name === user)).toBe(false);
      expect((await del(user)).status).toBe(404);
      const log = logged.join('\n');
      for (const secret of [PASSWORD, PASSWORD_512, 'another-password']) expect(log).not.toContain(secret);
    },
    SLOW,
  );
});
