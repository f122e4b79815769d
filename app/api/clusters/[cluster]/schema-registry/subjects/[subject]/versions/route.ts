import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { registerSchemaBody } from '@/lib/schema-registry-input';
import { subjectParam } from '@/lib/kafka/schema-registry/registry-access';
import { registerVersion } from '@/lib/kafka/schema-registry/subject-changes';
import { listVersions } from '@/lib/kafka/schema-registry/subjects';
import type { RegisterSchemaResult, SubjectVersions } from '@/lib/types/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster' | 'subject'>) => {
  const { cluster, subject } = await params;
  return NextResponse.json<SubjectVersions>(await listVersions(cluster, subjectParam(subject)));
});

/** Registers a new version through the registry's compatibility check (409 with its message on refusal). */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'subject'>) => {
  const { cluster, subject } = await params;
  const name = subjectParam(subject);
  const body = await readJson(request, registerSchemaBody);
  const result = await registerVersion(cluster, name, body);
  return NextResponse.json<RegisterSchemaResult>(result);
});
