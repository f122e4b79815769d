import { describe, expect, it } from 'vitest';
import { compatibilityBody, parseVersion, registerSchemaBody, subjectProblem } from './schema-registry-input';

describe('subject names', () => {
  it('takes any printable name, also ones that look like paths or prototype members', () => {
    for (const name of ['orders-value', '__proto__', 'a/b', '100% ?x#y', 'com.example.Payment', 'é']) expect(subjectProblem(name)).toBeNull();
  });

  it('refuses empty, too long and control-character names', () => {
    expect(subjectProblem('')).toMatch(/required/);
    expect(subjectProblem('x'.repeat(1001))).toMatch(/1001 characters/);
    expect(subjectProblem('a\nb')).toMatch(/control/);
    expect(subjectProblem('a\u007fb')).toMatch(/control/);
  });
});

describe('versions', () => {
  it('reads positive numbers and "latest" (and Confluent\'s -1)', () => {
    expect(parseVersion('1')).toBe(1);
    expect(parseVersion('2147483647')).toBe(2147483647);
    expect(parseVersion('latest')).toBe('latest');
    expect(parseVersion('-1')).toBe('latest');
  });

  it('refuses anything else', () => {
    for (const text of ['0', '01', '-2', '1.5', 'abc', '', '2147483648', '1e3', ' 1']) expect(parseVersion(text)).toBeNull();
  });
});

describe('register body', () => {
  it('defaults to Avro with no references', () => {
    expect(registerSchemaBody.parse({ schema: '"string"' })).toEqual({ schema: '"string"', schemaType: 'AVRO', references: [] });
  });

  it('names JSON mistakes in Avro and JSON Schema, and leaves Protobuf to the registry', () => {
    const avro = registerSchemaBody.safeParse({ schema: '{"type": "record",' });
    expect(avro.success).toBe(false);
    expect(avro.error?.issues[0].message).toMatch(/Avro schema is not valid JSON/);
    expect(registerSchemaBody.safeParse({ schema: '{', schemaType: 'JSON' }).error?.issues[0].message).toMatch(/JSON schema is not valid JSON/);
    expect(registerSchemaBody.safeParse({ schema: 'syntax = "proto3";', schemaType: 'PROTOBUF' }).success).toBe(true);
  });

  it('refuses an empty schema, an unknown type and malformed references', () => {
    expect(registerSchemaBody.safeParse({ schema: '  ' }).success).toBe(false);
    expect(registerSchemaBody.safeParse({ schema: '"int"', schemaType: 'XML' }).error?.issues[0].message).toMatch(/AVRO, PROTOBUF, JSON/);
    expect(registerSchemaBody.safeParse({ schema: '"int"', references: [{ name: 'a.proto', subject: 'a', version: 0 }] }).success).toBe(false);
    expect(registerSchemaBody.safeParse({ schema: '"int"', references: [{ name: '', subject: 'a', version: 1 }] }).success).toBe(false);
  });
});

describe('compatibility body', () => {
  it("takes Confluent's levels only, in capitals", () => {
    expect(compatibilityBody.parse({ compatibility: 'FULL_TRANSITIVE' })).toEqual({ compatibility: 'FULL_TRANSITIVE' });
    expect(compatibilityBody.safeParse({ compatibility: 'full' }).success).toBe(false);
    expect(compatibilityBody.safeParse({}).success).toBe(false);
  });
});
