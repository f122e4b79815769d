import { describe, expect, it } from 'vitest';
import { alterUserScramCredentials } from './alter-user-scram-credentials';
import { ALTER_SCRAM_DELETE, ALTER_SCRAM_UPSERT, DESCRIBE_SCRAM_ALL, DESCRIBE_SCRAM_MISSING, DESCRIBE_SCRAM_ONE } from './captured-users-quotas.fixtures';
import { describeUserScramCredentials } from './describe-user-scram-credentials';

const hex = (s: string) => Buffer.from(s, 'hex');

describe('DescribeUserScramCredentials v0, against kafka-configs', () => {
  it('writes the requests the tool sent (all users as an empty list; one user by name)', () => {
    expect(describeUserScramCredentials.encode({ users: [] }, 0).toString('hex')).toBe(DESCRIBE_SCRAM_ALL.request);
    expect(describeUserScramCredentials.encode({ users: ['fixture-user'] }, 0).toString('hex')).toBe(DESCRIBE_SCRAM_ONE.request);
    // null (also "all users") is the nullable array's null: length 0.
    expect(describeUserScramCredentials.encode({ users: null }, 0).toString('hex')).toBe('000000');
  });

  it('reads every user with each mechanism and its iterations', () => {
    expect(describeUserScramCredentials.decode(hex(DESCRIBE_SCRAM_ALL.response), 0)).toEqual({
      errorCode: 0,
      errorMessage: null,
      results: [
        { user: 'fixture-user', errorCode: 0, errorMessage: null, credentials: [{ mechanism: 1, iterations: 8192 }] },
        {
          user: 'admin',
          errorCode: 0,
          errorMessage: null,
          credentials: [
            { mechanism: 2, iterations: 4096 },
            { mechanism: 1, iterations: 4096 },
          ],
        },
      ],
    });
  });

  it('reads a per-user RESOURCE_NOT_FOUND with the broker’s message', () => {
    const { results } = describeUserScramCredentials.decode(hex(DESCRIBE_SCRAM_MISSING.response), 0);
    expect(results).toEqual([
      { user: 'fixture-nobody', errorCode: 91, errorMessage: 'Attempt to describe a user credential that does not exist: fixture-nobody', credentials: [] },
    ]);
  });
});

describe('AlterUserScramCredentials v0, against kafka-configs', () => {
  it('writes the upsertion the tool sent, byte for byte (same salt and salted password)', () => {
    const request = hex(ALTER_SCRAM_UPSERT.request);
    const salt = Buffer.from('1ka4l4nm44plsfvxic4ab9s1lr');
    const saltedPassword = request.subarray(request.length - 2 - 32, request.length - 2);
    const ours = alterUserScramCredentials.encode(
      { deletions: [], upsertions: [{ name: 'fixture-user', mechanism: 1, iterations: 8192, salt, saltedPassword }] },
      0,
    );
    expect(ours.toString('hex')).toBe(ALTER_SCRAM_UPSERT.request);
  });

  it('writes the deletion the tool sent', () => {
    const ours = alterUserScramCredentials.encode({ deletions: [{ name: 'fixture-user', mechanism: 1 }], upsertions: [] }, 0);
    expect(ours.toString('hex')).toBe(ALTER_SCRAM_DELETE.request);
  });

  it('reads the per-user results', () => {
    expect(alterUserScramCredentials.decode(hex(ALTER_SCRAM_UPSERT.response), 0)).toEqual({
      results: [{ user: 'fixture-user', errorCode: 0, errorMessage: null }],
    });
    expect(alterUserScramCredentials.decode(hex(ALTER_SCRAM_DELETE.response), 0)).toEqual({
      results: [{ user: 'fixture-user', errorCode: 0, errorMessage: null }],
    });
  });
});
