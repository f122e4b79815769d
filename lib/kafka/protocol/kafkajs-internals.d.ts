// kafkajs's request builders (kafkajs 2.2.4 is frozen, so this internal path is stable).
// Used to send a Fetch whose per-partition errors come back instead of failing the whole request,
// and whose records we decode ourselves (protocol/codecs/fetch.ts).
declare module 'kafkajs/src/protocol/requests' {
  interface FetchCall {
    request: { apiKey: number; apiVersion: number; apiName: string; encode: () => Promise<{ buf: Buffer; buffer: Buffer }> };
    response: { decode(payload: Buffer): Promise<unknown>; parse(data: unknown): Promise<unknown> };
  }
  const protocolRequests: {
    requests: {
      Fetch: { versions: string[]; protocol(args: { version: number }): (args: object) => FetchCall };
    };
  };
  export default protocolRequests;
}

// kafkajs's catalogue of broker error codes: our hand-encoded requests throw the same errors
// (type, code, retriable) its own requests would, so lib/kafka/errors.ts reads them alike.
declare module 'kafkajs/src/protocol/error' {
  export function createErrorFromCode(code: number): Error & { name: string; type: string; code: number; retriable: boolean };
}
