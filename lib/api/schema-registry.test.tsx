import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SchemaVersion, SubjectList, SubjectVersions } from '@/lib/types/schema-registry';
import { apiError, fakeFetch } from '@/tests/support/fake-fetch';
import { runMutation } from '@/tests/support/mutation-harness';
import { testQueryClient, withQueryClient } from '@/tests/support/query-wrapper';
import { ApiRequestError } from './fetch';
import { useProduceSubjects } from './produce-schemas';
import {
  useCompatibility,
  useDeleteSchema,
  useRegisterSchema,
  useSchemaVersion,
  useSetCompatibility,
  useSubjectVersions,
  useSubjects,
} from './schema-registry';
import { useTopics } from './topics';

/** A subject name that is not a path segment: a slash and a space. */
const SUBJECT = 'a/b value';
const S = '/api/clusters/c1/schema-registry/subjects/a%2Fb%20value';

const subjects: SubjectList = { subjects: [{ subject: SUBJECT, latestVersion: 2, schemaType: 'AVRO', compatibility: 'BACKWARD' }] };
const deletedSubjects: SubjectList = { subjects: [{ subject: 'old', latestVersion: 1, schemaType: null, compatibility: null, deleted: true }] };
const versions: SubjectVersions = { subject: SUBJECT, versions: [2], softDeleted: [1] };
const version = (n: number): SchemaVersion => ({
  subject: SUBJECT,
  version: n,
  id: 10 + n,
  schemaType: 'AVRO',
  schema: '{"type":"string"}',
  references: [],
  deleted: false,
});

const READS = {
  'GET /api/clusters/c1/schema-registry/subjects': { body: subjects },
  'GET /api/clusters/c1/schema-registry/subjects?deleted=true': { body: deletedSubjects },
  [`GET ${S}/versions`]: { body: versions },
  [`GET ${S}/versions/2`]: { body: version(2) },
  [`GET ${S}/versions/latest`]: { body: version(2) },
  'GET /api/clusters/c1/schema-registry/config': { body: { subject: null, compatibility: 'BACKWARD' } },
  'GET /api/clusters/c1/schema-registry/config/a%2Fb%20value': { body: { subject: SUBJECT, compatibility: 'FULL' } },
  'GET /api/clusters/c1/topics': { body: { topics: [] } },
  'GET /api/clusters/c1/topics/t/messages/schemas': { body: { configured: true, subjects: [SUBJECT], valueSubject: null, keySubject: null } },
  'GET /api/clusters/c2/schema-registry/subjects': { body: { subjects: [] } },
};

const reads = () => [
  useSubjects('c1'),
  useSubjects('c1', true),
  useSubjectVersions('c1', SUBJECT),
  useSchemaVersion('c1', SUBJECT, 2),
  useSchemaVersion('c1', SUBJECT, 'latest'),
  useCompatibility('c1', null),
  useCompatibility('c1', SUBJECT),
  useTopics('c1', false),
  useProduceSubjects('c1', 't'),
  useSubjects('c2'),
];

/**
 * Any registry change refreshes every registry query of its cluster; not the topics, not the
 * produce form's subject list (its own key, read again when the form opens after 30 s), not c2.
 */
const REGISTRY_REFETCHES = [
  '/api/clusters/c1/schema-registry/config',
  '/api/clusters/c1/schema-registry/config/a%2Fb%20value',
  '/api/clusters/c1/schema-registry/subjects',
  '/api/clusters/c1/schema-registry/subjects?deleted=true',
  `${S}/versions`,
  `${S}/versions/2`,
  `${S}/versions/latest`,
].sort();

/** Mounts one hook on a client whose default retries thrice without delay: only the hook's own rule holds back. */
function renderRetrying<T>(hook: () => T) {
  const client = testQueryClient();
  client.setDefaultOptions({ queries: { retry: 3, retryDelay: 0 } });
  return renderHook(hook, { wrapper: withQueryClient(client) });
}

describe('schema registry queries', () => {
  it('useSubjects reads the live subjects, or with deleted the soft-deleted ones, and keeps the last list on show while switching', async () => {
    const server = fakeFetch(READS);
    const { result, rerender } = renderHook(({ deleted }) => useSubjects('c1', deleted), {
      wrapper: withQueryClient(testQueryClient()),
      initialProps: { deleted: false },
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(subjects);
    rerender({ deleted: true });
    // Until the answer comes the previous list stays, marked as a placeholder (the table does not blink).
    expect(result.current).toMatchObject({ isPlaceholderData: true, data: subjects });
    await waitFor(() => expect(result.current.isPlaceholderData).toBe(false));
    expect(result.current.data).toEqual(deletedSubjects);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/clusters/c1/schema-registry/subjects',
      'GET /api/clusters/c1/schema-registry/subjects?deleted=true',
    ]);
  });

  it('useSubjectVersions reads the versions of an escaped subject', async () => {
    const server = fakeFetch(READS);
    const { result } = renderHook(() => useSubjectVersions('c1', SUBJECT), { wrapper: withQueryClient(testQueryClient()) });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(versions);
    expect(server.requests.map((r) => r.url)).toEqual([`${S}/versions`]);
  });

  it('useSchemaVersion reads a numbered or the latest version, and nothing while the version is null', async () => {
    const server = fakeFetch(READS);
    const wrapper = withQueryClient(testQueryClient());
    const numbered = renderHook(() => useSchemaVersion('c1', SUBJECT, 2), { wrapper });
    const latest = renderHook(() => useSchemaVersion('c1', SUBJECT, 'latest'), { wrapper });
    const none = renderHook(() => useSchemaVersion('c1', 'other', null), { wrapper });
    await waitFor(() => expect(numbered.result.current.isSuccess && latest.result.current.isSuccess).toBe(true));
    expect(numbered.result.current.data).toEqual(version(2));
    expect(latest.result.current.data).toEqual(version(2));
    expect(none.result.current).toMatchObject({ fetchStatus: 'idle', data: undefined });
    expect(server.requests.map((r) => r.url).sort()).toEqual([`${S}/versions/2`, `${S}/versions/latest`]);
  });

  it('useCompatibility reads the global level (subject null) or a subject own level', async () => {
    const server = fakeFetch(READS);
    const wrapper = withQueryClient(testQueryClient());
    const global = renderHook(() => useCompatibility('c1', null), { wrapper });
    const own = renderHook(() => useCompatibility('c1', SUBJECT), { wrapper });
    await waitFor(() => expect(global.result.current.isSuccess && own.result.current.isSuccess).toBe(true));
    expect(global.result.current.data).toEqual({ subject: null, compatibility: 'BACKWARD' });
    expect(own.result.current.data).toEqual({ subject: SUBJECT, compatibility: 'FULL' });
    expect(server.requests.map((r) => r.url).sort()).toEqual([
      '/api/clusters/c1/schema-registry/config',
      '/api/clusters/c1/schema-registry/config/a%2Fb%20value',
    ]);
  });

  it.each([
    [404, 'SUBJECT_NOT_FOUND'],
    [400, 'INVALID_SUBJECT'],
  ] as const)('a %i (%s) is an answer: reported at once, not retried', async (status, code) => {
    const server = fakeFetch({ [`GET ${S}/versions`]: apiError(status, code, `Subject "${SUBJECT}": ${code}`) });
    const { result } = renderRetrying(() => useSubjectVersions('c1', SUBJECT));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(ApiRequestError);
    expect(result.current.error).toMatchObject({ status, code, message: `Subject "${SUBJECT}": ${code}` });
    expect(server.requests).toHaveLength(1);
  });

  it('a registry that did not answer is retried once, then reported', async () => {
    const server = fakeFetch({
      'GET /api/clusters/c1/schema-registry/config': apiError(503, 'SCHEMA_REGISTRY_UNAVAILABLE', 'The schema registry did not answer'),
    });
    const { result } = renderRetrying(() => useCompatibility('c1', null));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: 'ApiRequestError', status: 503, code: 'SCHEMA_REGISTRY_UNAVAILABLE' });
    expect(server.requests).toHaveLength(2);
  });
});

describe('schema registry mutations', () => {
  it('useRegisterSchema posts the schema to the escaped subject and refreshes every registry query of its cluster', async () => {
    const request = { schema: '{"type":"string"}', schemaType: 'AVRO' as const, references: [{ name: 'x', subject: 'x-value', version: 1 }] };
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, [`POST ${S}/versions`]: { body: { subject: SUBJECT, id: 13, version: 3 } } },
      reads,
      mutation: () => useRegisterSchema('c1', SUBJECT),
      input: request,
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'POST', url: `${S}/versions`, body: request });
    expect(refetched).toEqual(REGISTRY_REFETCHES);
  });

  it('an incompatible schema rejects with the server error and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: { ...READS, [`POST ${S}/versions`]: apiError(409, 'INCOMPATIBLE_SCHEMA', 'The schema is not BACKWARD compatible with version 2') },
      reads,
      mutation: () => useRegisterSchema('c1', SUBJECT),
      input: { schema: '{"type":"int"}' },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'INCOMPATIBLE_SCHEMA', message: 'The schema is not BACKWARD compatible with version 2' });
    expect(refetched).toEqual([]);
  });

  it.each([
    ['a subject level', SUBJECT, 'FULL_TRANSITIVE', 'PUT', '/api/clusters/c1/schema-registry/config/a%2Fb%20value', { compatibility: 'FULL_TRANSITIVE' }],
    ['the global level', null, 'NONE', 'PUT', '/api/clusters/c1/schema-registry/config', { compatibility: 'NONE' }],
    ['null drops the subject level', SUBJECT, null, 'DELETE', '/api/clusters/c1/schema-registry/config/a%2Fb%20value', undefined],
  ] as const)('useSetCompatibility (%s) sends the change and refreshes every registry query of its cluster', async (_, subject, level, method, url, body) => {
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, [`${method} ${url}`]: { body: { subject, compatibility: level ?? 'BACKWARD' } } },
      reads,
      mutation: () => useSetCompatibility('c1', subject),
      input: level,
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method, url, body });
    expect(refetched).toEqual(REGISTRY_REFETCHES);
  });

  it.each([
    ['a subject, softly', null, false, S],
    ['a subject, permanently', null, true, `${S}?permanent=true`],
    ['one version, softly', 2, false, `${S}/versions/2`],
    ['one version, permanently', 1, true, `${S}/versions/1?permanent=true`],
  ] as const)('useDeleteSchema deletes %s and refreshes every registry query of its cluster', async (_, version, permanent, url) => {
    const { sent, refetched, error } = await runMutation({
      routes: { ...READS, [`DELETE ${url}`]: { body: [1, 2] } },
      reads,
      mutation: () => useDeleteSchema('c1', SUBJECT),
      input: { version, permanent },
    });
    expect(error).toBeNull();
    expect(sent).toEqual({ method: 'DELETE', url, body: undefined });
    expect(refetched).toEqual(REGISTRY_REFETCHES);
  });

  it('a delete refused while another schema references the version rejects and refreshes nothing', async () => {
    const { error, refetched } = await runMutation({
      routes: { ...READS, [`DELETE ${S}/versions/2`]: apiError(409, 'SCHEMA_REFERENCED', 'Version 2 is referenced by x-value') },
      reads,
      mutation: () => useDeleteSchema('c1', SUBJECT),
      input: { version: 2, permanent: false },
    });
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'SCHEMA_REFERENCED', message: 'Version 2 is referenced by x-value' });
    expect(refetched).toEqual([]);
  });
});
