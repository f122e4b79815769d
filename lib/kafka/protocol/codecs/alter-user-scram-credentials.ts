import type { KafkaApi } from '../api';
import { CompactReader, CompactWriter } from '../wire';

/**
 * AlterUserScramCredentials (API key 51, v0, flexible): creates, replaces and deletes SCRAM
 * credentials. The password never travels: the client sends a salt and the salted password
 * (lib/kafka/scram-credential.ts computes it as Kafka's ScramFormatter does). Brokers forward it
 * to the controller, so any broker takes it.
 */
export interface AlterUserScramCredentialsRequest {
  deletions: { name: string; mechanism: number }[];
  upsertions: { name: string; mechanism: number; iterations: number; salt: Buffer; saltedPassword: Buffer }[];
}

export interface AlterUserScramCredentialsResponse {
  results: { user: string; errorCode: number; errorMessage: string | null }[];
}

export const alterUserScramCredentials: KafkaApi<AlterUserScramCredentialsRequest, AlterUserScramCredentialsResponse> = {
  name: 'AlterUserScramCredentials',
  apiKey: 51,
  versions: [0],
  encode({ deletions, upsertions }) {
    return new CompactWriter()
      .emptyTaggedFields()
      .compactArray(deletions, (w, d) => w.compactString(d.name).int8(d.mechanism).emptyTaggedFields())
      .compactArray(upsertions, (w, u) =>
        w.compactString(u.name).int8(u.mechanism).int32(u.iterations).compactBytes(u.salt).compactBytes(u.saltedPassword).emptyTaggedFields(),
      )
      .emptyTaggedFields()
      .toBuffer();
  },
  decode(payload) {
    const r = new CompactReader(payload);
    r.skipTaggedFields();
    r.int32(); // throttle time
    const results = r.compactArray((rr) => {
      const user = rr.compactString() ?? '';
      const errorCode = rr.int16();
      const errorMessage = rr.compactString() || null;
      rr.skipTaggedFields();
      return { user, errorCode, errorMessage };
    });
    r.skipTaggedFields();
    return { results };
  },
};
