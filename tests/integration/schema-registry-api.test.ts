// The registry API (/api/clusters/{c}/schema-registry/...) against the real local schema registry
// (`cluster:start -- --schema-registry`, Apicurio's Confluent API). Every subject made here is
// hard-deleted afterwards, through the registry itself.
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as subjectsRoute from '@/app/api/clusters/[cluster]/schema-registry/subjects/route';
import * as subjectRoute from '@/app/api/clusters/[cluster]/schema-registry/subjects/[subject]/route';
import * as versionsRoute from '@/app/api/clusters/[cluster]/schema-registry/subjects/[subject]/versions/route';
import * as versionRoute from '@/app/api/clusters/[cluster]/schema-registry/subjects/[subject]/versions/[version]/route';
import * as globalConfigRoute from '@/app/api/clusters/[cluster]/schema-registry/config/route';
import * as subjectConfigRoute from '@/app/api/clusters/[cluster]/schema-registry/config/[subject]/route';
import { hashPassword } from '@/lib/auth/password';
import { LOCAL_BOOTSTRAP } from '@/lib/config';
import type { SchemaVersion, SubjectSummary } from '@/lib/types/schema-registry';
import { CLIENT_ADDRESS_HEADER } from '@/server/client-address.mjs';
import { call } from '../support/api';

const REGISTRY_URL = 'http://127.0.0.1:18081/apis/ccompat/v7';
const run = Date.now();
// "/", "%", "?" and a space: the name must reach the registry encoded, as one path segment.
const subject = (name: string) => `it-sr-api-${run}-${name}/x %?y`;
const made = new Set<string>();

const record = (fields: object[]) => JSON.stringify({ type: 'record', name: 'Payment', namespace: 'it.api', fields });
const v1 = record([{ name: 'id', type: 'string' }]);
const v2 = record([
  { name: 'id', type: 'string' },
  { name: 'memo', type: ['null', 'string'], default: null },
]);
/** Adds a field with no default: BACKWARD refuses it (old records lack the field). */
const incompatible = record([
  { name: 'id', type: 'string' },
  { name: 'amount', type: 'double' },
]);

const local = (extra: Record<string, string> = {}) => ({ cluster: 'local', ...extra });
const register = (name: string, body: unknown) => {
  made.add(name);
  return call(versionsRoute.POST, local({ subject: name }), { method: 'POST', body });
};
const versions = (name: string) => call(versionsRoute.GET, local({ subject: name }));
const listed = async (deleted = false) => {
  const { status, body } = await call(subjectsRoute.GET, local(), { url: `http://localhost/api${deleted ? '?deleted=true' : ''}` });
  expect(status).toBe(200);
  return body.subjects as SubjectSummary[];
};
/** The registry's own answer, to compare ours with. */
const registry = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${REGISTRY_URL}${path}`, { ...init, headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' } });
  return { status: response.status, body: await response.json() };
};

beforeAll(() => {
  vi.stubEnv(
    'KAFKA_CLUSTERS',
    JSON.stringify([
      { name: 'local', brokers: LOCAL_BOOTSTRAP, schemaRegistry: { url: REGISTRY_URL } },
      { name: 'no-registry', brokers: LOCAL_BOOTSTRAP },
      // Nothing listens on port 9: what a registry that is down looks like.
      { name: 'registry-down', brokers: LOCAL_BOOTSTRAP, schemaRegistry: { url: 'http://127.0.0.1:9/apis/ccompat/v7' } },
    ]),
  );
});

afterAll(async () => {
  // Newest first: a referenced subject goes after the one referencing it.
  for (const name of [...made].reverse()) {
    for (const permanent of ['', '?permanent=true']) await fetch(`${REGISTRY_URL}/subjects/${encodeURIComponent(name)}${permanent}`, { method: 'DELETE' });
  }
  vi.unstubAllEnvs();
});

describe('subjects and versions', () => {
  it('registers versions and lists them with the latest version, type and compatibility', async () => {
    const name = subject('crud');
    const first = await register(name, { schema: v1 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ subject: name, version: 1 });
    const second = await register(name, { schema: v2, schemaType: 'AVRO' });
    expect(second.body).toMatchObject({ subject: name, version: 2 });
    expect(second.body.id).not.toBe(first.body.id);
    // The registry itself holds both, under the exact name.
    expect((await registry(`/subjects/${encodeURIComponent(name)}/versions`)).body).toEqual([1, 2]);

    expect(await listed()).toContainEqual({
      subject: name,
      latestVersion: 2,
      schemaType: 'AVRO',
      compatibility: (await registry('/config')).body.compatibilityLevel,
    });
    expect((await versions(name)).body).toEqual({ subject: name, versions: [1, 2], softDeleted: [] });
    const one = await call(versionRoute.GET, local({ subject: name, version: '1' }));
    expect(one.body).toEqual({ subject: name, version: 1, id: first.body.id, schemaType: 'AVRO', schema: v1, references: [], deleted: false });
    const latest = await call(versionRoute.GET, local({ subject: name, version: 'latest' }));
    expect(latest.body).toMatchObject({ version: 2, id: second.body.id, schema: v2 });
  });

  it('returns the references of a Protobuf version that imports another subject', async () => {
    const money = subject('money');
    const order = subject('order');
    await register(money, { schemaType: 'PROTOBUF', schema: 'syntax = "proto3";\npackage it.m;\nmessage Money { string c = 1; }\n' });
    const reference = { name: 'it/m/money.proto', subject: money, version: 1 };
    const created = await register(order, {
      schemaType: 'PROTOBUF',
      schema: 'syntax = "proto3";\nimport "it/m/money.proto";\nmessage Order { it.m.Money total = 1; }\n',
      references: [reference],
    });
    expect(created.status).toBe(200);
    const { body } = await call(versionRoute.GET, local({ subject: order, version: '1' }));
    expect(body as SchemaVersion).toMatchObject({ schemaType: 'PROTOBUF', references: [reference] });
    // The referenced subject cannot go while referenced: the registry's refusal, passed on.
    const refused = await call(subjectRoute.DELETE, local({ subject: money }), { method: 'DELETE' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('SCHEMA_REFERENCED');
  });

  it('keeps a subject called __proto__ apart from everything else', async () => {
    const name = '__proto__';
    expect((await register(name, { schema: '"string"' })).status).toBe(200);
    expect((await listed()).find((s) => s.subject === name)).toMatchObject({ latestVersion: 1, schemaType: 'AVRO' });
    expect(({} as Record<string, unknown>).latestVersion).toBeUndefined();
    const removed = await call(subjectRoute.DELETE, local({ subject: name }), { method: 'DELETE', url: 'http://localhost/api?permanent=true' });
    expect(removed.status).toBe(200);
    expect((await registry('/subjects?deleted=true')).body).not.toContain(name);
  });
});

describe('compatibility', () => {
  it('reads and changes the subject level, and lists it', async () => {
    const name = subject('compat');
    await register(name, { schema: v1 });
    const global = await call(globalConfigRoute.GET, local());
    expect(global.body).toEqual({ subject: null, compatibility: (await registry('/config')).body.compatibilityLevel });
    const changed = await call(subjectConfigRoute.PUT, local({ subject: name }), { method: 'PUT', body: { compatibility: 'FULL' } });
    expect(changed.body).toEqual({ subject: name, compatibility: 'FULL' });
    expect((await registry(`/config/${encodeURIComponent(name)}`)).body.compatibilityLevel).toBe('FULL');
    expect((await call(subjectConfigRoute.GET, local({ subject: name }))).body.compatibility).toBe('FULL');
    expect((await listed()).find((s) => s.subject === name)?.compatibility).toBe('FULL');
  });

  it("refuses an incompatible version with 409 and the registry's own message, and registers nothing", async () => {
    const name = subject('refused');
    await register(name, { schema: v1 });
    await call(subjectConfigRoute.PUT, local({ subject: name }), { method: 'PUT', body: { compatibility: 'BACKWARD' } });
    const refused = await register(name, { schema: incompatible });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INCOMPATIBLE_SCHEMA');
    const direct = await registry(`/subjects/${encodeURIComponent(name)}/versions`, { method: 'POST', body: JSON.stringify({ schema: incompatible }) });
    expect(direct.status).toBe(409);
    expect(refused.body.error.message).toBe(direct.body.message);
    expect((await versions(name)).body.versions).toEqual([1]);
    // With NONE the same schema is taken.
    await call(subjectConfigRoute.PUT, local({ subject: name }), { method: 'PUT', body: { compatibility: 'NONE' } });
    expect((await register(name, { schema: incompatible })).body.version).toBe(2);
  });
});

describe('deleting', () => {
  it('soft-deletes a version, then hard-deletes it, then the whole subject for good', async () => {
    const name = subject('delete');
    await register(name, { schema: v1 });
    await register(name, { schema: v2 });
    const soft = await call(versionRoute.DELETE, local({ subject: name, version: '1' }), { method: 'DELETE' });
    expect(soft.body).toEqual({ subject: name, version: 1, permanent: false });
    expect((await versions(name)).body).toEqual({ subject: name, versions: [2], softDeleted: [1] });
    expect((await call(versionRoute.GET, local({ subject: name, version: '1' }))).body).toMatchObject({ version: 1, deleted: true, schema: v1 });

    const hard = await call(versionRoute.DELETE, local({ subject: name, version: '1' }), { method: 'DELETE', url: 'http://localhost/api?permanent=true' });
    expect(hard.status).toBe(200);
    expect((await versions(name)).body).toEqual({ subject: name, versions: [2], softDeleted: [] });
    expect((await registry(`/subjects/${encodeURIComponent(name)}/versions?deleted=true`)).body).toEqual([2]);

    const gone = await call(subjectRoute.DELETE, local({ subject: name }), { method: 'DELETE', url: 'http://localhost/api?permanent=true' });
    expect(gone.body).toEqual({ subject: name, versions: [2], permanent: true });
    expect((await registry('/subjects?deleted=true')).body).not.toContain(name);
    const after = await versions(name);
    expect(after.status).toBe(404);
    expect(after.body.error.code).toBe('SUBJECT_NOT_FOUND');
  });

  it('lists a soft-deleted subject only when asked for deleted ones', async () => {
    const name = subject('soft');
    await register(name, { schema: v1 });
    expect((await call(subjectRoute.DELETE, local({ subject: name }), { method: 'DELETE' })).body).toEqual({ subject: name, versions: [1], permanent: false });
    expect((await listed()).some((s) => s.subject === name)).toBe(false);
    expect((await listed(true)).find((s) => s.subject === name)).toMatchObject({ latestVersion: 1, deleted: true });
    expect((await listed(true)).find((s) => s.subject === subject('crud'))).toMatchObject({ deleted: false });
  });
});

describe('bad input', () => {
  it('answers 400 naming the problem, before the registry is asked, and changes nothing', async () => {
    const name = subject('bad');
    await register(name, { schema: v1 });
    const cases: [unknown, Record<string, string>, Parameters<typeof call>[2], string][] = [
      [versionRoute.GET, local({ subject: name, version: 'abc' }), undefined, 'INVALID_VERSION'],
      [versionRoute.GET, local({ subject: name, version: '0' }), undefined, 'INVALID_VERSION'],
      [versionRoute.DELETE, local({ subject: name, version: 'latest' }), { method: 'DELETE' }, 'INVALID_VERSION'],
      [versionsRoute.GET, local({ subject: 'a\nb' }), undefined, 'INVALID_SUBJECT'],
      [versionsRoute.POST, local({ subject: name }), { method: 'POST', body: { schema: '{"type": "record",' } }, 'INVALID_INPUT'],
      [versionsRoute.POST, local({ subject: name }), { method: 'POST', body: { schema: '' } }, 'INVALID_INPUT'],
      [versionsRoute.POST, local({ subject: name }), { method: 'POST', body: { schema: v2, schemaType: 'XML' } }, 'INVALID_INPUT'],
      [versionsRoute.POST, local({ subject: name }), { method: 'POST', rawBody: '{not json' }, 'MALFORMED_JSON'],
      [subjectConfigRoute.PUT, local({ subject: name }), { method: 'PUT', body: { compatibility: 'BOGUS' } }, 'INVALID_INPUT'],
      [globalConfigRoute.PUT, local(), { method: 'PUT', body: { compatibility: 'bogus' } }, 'INVALID_INPUT'],
    ];
    for (const [handler, params, init, code] of cases) {
      const { status, body } = await call(handler, params, init);
      expect({ status, code: body.error.code }).toEqual({ status: 400, code });
      expect(body.error.message.length).toBeGreaterThan(5);
    }
    const invalid = await call(versionsRoute.POST, local({ subject: name }), { method: 'POST', body: { schema: '{"type": "record",' } });
    expect(invalid.body.error.message).toMatch(/not valid JSON/);
    expect((await versions(name)).body.versions).toEqual([1]);
    expect((await registry(`/subjects/${encodeURIComponent(name)}/versions`)).body).toEqual([1]);
  });

  it('answers 404 for a subject or version the registry does not have', async () => {
    const missing = await call(versionRoute.GET, local({ subject: subject('never'), version: '1' }));
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('SUBJECT_NOT_FOUND');
    const name = subject('one');
    await register(name, { schema: v1 });
    const noVersion = await call(versionRoute.GET, local({ subject: name, version: '7' }));
    expect({ status: noVersion.status, code: noVersion.body.error.code }).toEqual({ status: 404, code: 'VERSION_NOT_FOUND' });
  });
});

describe('registry missing or down', () => {
  it('answers 404 SCHEMA_REGISTRY_NOT_CONFIGURED on a cluster without one', async () => {
    const { status, body } = await call(subjectsRoute.GET, { cluster: 'no-registry' });
    expect(status).toBe(404);
    expect(body.error.code).toBe('SCHEMA_REGISTRY_NOT_CONFIGURED');
    expect(body.error.message).toMatch(/SCHEMA_REGISTRY_URL/);
  });

  it('answers 503 naming the registry when it does not answer', async () => {
    for (const [handler, params, init] of [
      [subjectsRoute.GET, { cluster: 'registry-down' }, undefined],
      [versionsRoute.POST, { cluster: 'registry-down', subject: 'x' }, { method: 'POST', body: { schema: v1 } }],
    ] as const) {
      const { status, body } = await call(handler, params, init);
      expect(status).toBe(503);
      expect(body.error.code).toBe('SCHEMA_REGISTRY_UNAVAILABLE');
      expect(body.error.message).toContain('http://127.0.0.1:9/apis/ccompat/v7');
    }
  });
});

describe('refused changes', () => {
  it('READ_ONLY=true refuses every change with 403 and still answers reads', async () => {
    const name = subject('read-only');
    await register(name, { schema: v1 });
    vi.stubEnv('READ_ONLY', 'true');
    try {
      const changes = [
        await register(name, { schema: v2 }),
        await call(subjectConfigRoute.PUT, local({ subject: name }), { method: 'PUT', body: { compatibility: 'NONE' } }),
        await call(globalConfigRoute.PUT, local(), { method: 'PUT', body: { compatibility: 'NONE' } }),
        await call(versionRoute.DELETE, local({ subject: name, version: '1' }), { method: 'DELETE' }),
        await call(subjectRoute.DELETE, local({ subject: name }), { method: 'DELETE', url: 'http://localhost/api?permanent=true' }),
      ];
      for (const { status, body } of changes) expect({ status, code: body.error.code }).toEqual({ status: 403, code: 'READ_ONLY' });
      expect((await versions(name)).body).toEqual({ subject: name, versions: [1], softDeleted: [] });
    } finally {
      vi.stubEnv('READ_ONLY', '');
    }
    expect((await registry(`/config/${encodeURIComponent(name)}`)).body.compatibilityLevel).not.toBe('NONE');
  });

  it("refuses a viewer's changes to the registry with 403 and lets them read", async () => {
    vi.stubEnv('AUTH_USERS', JSON.stringify([{ username: 'viewer', role: 'viewer', passwordHash: await hashPassword('viewer-pw') }]));
    try {
      const login = (await import('@/app/api/auth/login/route')).POST as (request: Request) => Promise<Response>;
      const { proxy } = await import('@/proxy');
      const session = await login(
        new Request('http://localhost/api/auth/login', {
          method: 'POST',
          body: JSON.stringify({ username: 'viewer', password: 'viewer-pw' }),
          headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: 'sr-viewer' },
        }),
      );
      const cookie = session.headers.get('set-cookie')!.split(';')[0];
      const base = 'http://localhost/api/clusters/local/schema-registry';
      for (const [method, path] of [
        ['POST', '/subjects/s/versions'],
        ['PUT', '/config/s'],
        ['PUT', '/config'],
        ['DELETE', '/subjects/s'],
        ['DELETE', '/subjects/s/versions/1'],
      ]) {
        const refused = await proxy(new NextRequest(base + path, { method, headers: { cookie } }));
        expect(refused.status).toBe(403);
        expect((await refused.json()).error.code).toBe('FORBIDDEN');
      }
      expect((await proxy(new NextRequest(`${base}/subjects`, { headers: { cookie } }))).headers.get('x-middleware-next')).toBe('1');
    } finally {
      vi.stubEnv('AUTH_USERS', '');
    }
  });
});
