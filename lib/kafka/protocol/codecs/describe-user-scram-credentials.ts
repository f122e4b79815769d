import type { KafkaApi } from '../api';
import { CompactReader, CompactWriter } from '../wire';

/**
 * DescribeUserScramCredentials (API key 50, v0, flexible): the users with SCRAM credentials and,
 * per user, each mechanism and its iteration count (never the credential itself), as
 * `kafka-configs --describe --entity-type users` shows them. `users: null` asks for every user
 * (Kafka's own tool sends an empty list for that; both mean "all").
 */
export interface DescribeUserScramCredentialsRequest {
  users: string[] | null;
}

export interface DescribeUserScramCredentialsResponse {
  errorCode: number;
  errorMessage: string | null;
  results: {
    user: string;
    errorCode: number;
    errorMessage: string | null;
    /** Mechanism 1 = SCRAM-SHA-256, 2 = SCRAM-SHA-512 (Kafka's ScramMechanism.type). */
    credentials: { mechanism: number; iterations: number }[];
  }[];
}

export const describeUserScramCredentials: KafkaApi<DescribeUserScramCredentialsRequest, DescribeUserScramCredentialsResponse> = {
  name: 'DescribeUserScramCredentials',
  apiKey: 50,
  versions: [0],
  encode({ users }) {
    const w = new CompactWriter().emptyTaggedFields();
    if (users === null) w.uvarint(0);
    else w.compactArray(users, (uw, name) => uw.compactString(name).emptyTaggedFields());
    return w.emptyTaggedFields().toBuffer();
  },
  decode(payload) {
    const r = new CompactReader(payload);
    r.skipTaggedFields();
    r.int32(); // throttle time
    const errorCode = r.int16();
    const errorMessage = r.compactString() || null; // Kafka sends "" for "no error"
    const results = r.compactArray((rr) => {
      const user = rr.compactString() ?? '';
      const userError = rr.int16();
      const userMessage = rr.compactString() || null;
      const credentials = rr.compactArray((cr) => {
        const mechanism = cr.int8();
        const iterations = cr.int32();
        cr.skipTaggedFields();
        return { mechanism, iterations };
      });
      rr.skipTaggedFields();
      return { user, errorCode: userError, errorMessage: userMessage, credentials };
    });
    r.skipTaggedFields();
    return { errorCode, errorMessage, results };
  },
};
