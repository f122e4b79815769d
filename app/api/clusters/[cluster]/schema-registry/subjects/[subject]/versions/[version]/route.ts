import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { flag } from '@/lib/schema-registry-input';
import { subjectParam, versionParam } from '@/lib/kafka/schema-registry/registry-access';
import { deleteVersion } from '@/lib/kafka/schema-registry/subject-changes';
import { getVersion } from '@/lib/kafka/schema-registry/subjects';
import type { SchemaVersion } from '@/lib/types/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type P = Params<'cluster' | 'subject' | 'version'>;

/** The schema text, id, type and references of a version (a number or "latest"). */
export const GET = withErrorHandling(async (_request: Request, { params }: P) => {
  const { cluster, subject, version } = await params;
  return NextResponse.json<SchemaVersion>(await getVersion(cluster, subjectParam(subject), versionParam(version)));
});

/** Soft-deletes the version; `?permanent=true` removes it for good. */
export const DELETE = withErrorHandling(async (request: Request, { params }: P) => {
  const { cluster, subject, version } = await params;
  const name = subjectParam(subject);
  const number = versionParam(version, { exact: true }) as number;
  const permanent = flag(request.url, 'permanent');
  return NextResponse.json({ subject: name, version: await deleteVersion(cluster, name, number, permanent), permanent });
});
