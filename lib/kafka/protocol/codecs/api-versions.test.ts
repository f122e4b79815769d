import { describe, expect, it } from 'vitest';
import { ApiVersionsError, apiVersions } from './api-versions';

/**
 * An ApiVersions v3 answer captured from the local Kafka 4.3.1 broker (node 0, after the
 * correlation id), to a request written by hand with a raw socket, not by our encoder.
 */
const CAPTURED_4_3_1 = Buffer.from(
  'AABMAAAAAAANAAABAAQAEgAAAgABAAsAAAMAAAANAAAIAAIACgAACQABAAoAAAoAAAAGAAALAAAACQAADAAAAAQAAA0AAAAFAAAOAAAABQAADwAAAAYAABAAAAAFAAARAAAAAQAAEgAAAAQAABMAAgAHAAAUAAEABgAAFQAAAAIAABYAAAAFAAAXAAIABAAAGAAAAAUAABkAAAAEAAAaAAAABQAAGwABAAIAABwAAAAFAAAdAAEAAwAAHgABAAMAAB8AAQADAAAgAAEABAAAIQAAAAIAACIAAQACAAAjAAEABQAAJAAAAAIAACUAAAADAAAmAAEAAwAAJwABAAIAACgAAQACAAApAAEAAwAAKgAAAAIAACsAAAACAAAsAAAAAQAALQAAAAEAAC4AAAAAAAAvAAAAAAAAMAAAAAEAADEAAAABAAAyAAAAAAAAMwAAAAAAADcAAAACAAA5AAAAAgAAPAAAAAIAAD0AAAAAAABAAAAAAAAAQQAAAAAAAEIAAAACAABEAAAAAQAARQAAAAEAAEoAAAABAABLAAAAAAAATAABAAEAAE0AAQABAABOAAEAAgAATwABAAIAAFAAAAABAABRAAAAAAAAUwAAAAAAAFQAAAAAAABVAAAAAQAAVgAAAAAAAFcAAAABAABYAAAAAAAAWQAAAAAAAFoAAAABAABbAAAAAAAAXAAAAAAAAAAAAAMAFwIRbWV0YWRhdGEudmVyc2lvbgAHAB4AAQgAAAAAAAAJFwKRAQcOZ3JvdXAudmVyc2lvbgABAAEAEHN0cmVhbXMudmVyc2lvbgABAAEAFHRyYW5zYWN0aW9uLnZlcnNpb24AAgACACFlbGlnaWJsZS5sZWFkZXIucmVwbGljYXMudmVyc2lvbgABAAEADnNoYXJlLnZlcnNpb24AAQABABFtZXRhZGF0YS52ZXJzaW9uAB4AHgA=',
  'base64',
);

describe('ApiVersions v3 codec', () => {
  it('reads the finalized features of a real Kafka 4.3.1 answer, as kafka-features describe shows them', () => {
    const features = apiVersions.decode(CAPTURED_4_3_1, 3);
    expect(features.get('metadata.version')).toBe(30);
    expect(features.get('group.version')).toBe(1);
    expect(features.get('transaction.version')).toBe(2);
  });

  it('encodes the request body after an empty header-tag section, with the client software name', () => {
    const body = apiVersions.encode(null, 3);
    expect(apiVersions.apiKey).toBe(18);
    expect(body[0]).toBe(0);
    expect(body.subarray(2, 2 + body[1] - 1).toString()).toBe('kafka-dashboard');
    expect(body.at(-1)).toBe(0);
  });

  it('throws the broker error code instead of decoding an error answer', () => {
    const unsupported = Buffer.from([0x00, 0x23, 0x01, 0, 0, 0, 0, 0x00]);
    expect(() => apiVersions.decode(unsupported, 3)).toThrow(ApiVersionsError);
  });
});
