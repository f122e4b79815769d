// kafkajs's request builders (kafkajs 2.2.4 is frozen, so this internal path is stable).
// Used to send a Fetch whose per-partition errors come back instead of failing the whole request.
declare module 'kafkajs/src/protocol/requests' {
  const protocolRequests: { requests: { Fetch: unknown } };
  export default protocolRequests;
}
