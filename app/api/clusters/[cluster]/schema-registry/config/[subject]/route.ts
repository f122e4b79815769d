import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { compatibilityBody } from '@/lib/schema-registry-input';
import { subjectParam } from '@/lib/kafka/schema-registry/registry-access';
import { getCompatibility, resetCompatibility, setCompatibility } from '@/lib/kafka/schema-registry/subject-changes';
import type { CompatibilityConfig } from '@/lib/types/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type P = Params<'cluster' | 'subject'>;

/** The level in force for the subject: its own, else the global one. */
export const GET = withErrorHandling(async (_request: Request, { params }: P) => {
  const { cluster, subject } = await params;
  return NextResponse.json<CompatibilityConfig>(await getCompatibility(cluster, subjectParam(subject)));
});

export const PUT = withErrorHandling(async (request: Request, { params }: P) => {
  const { cluster, subject } = await params;
  const name = subjectParam(subject);
  const { compatibility } = await readJson(request, compatibilityBody);
  return NextResponse.json<CompatibilityConfig>(await setCompatibility(cluster, name, compatibility));
});

/** Drops the subject's own level: the global one applies again. */
export const DELETE = withErrorHandling(async (_request: Request, { params }: P) => {
  const { cluster, subject } = await params;
  return NextResponse.json<CompatibilityConfig>(await resetCompatibility(cluster, subjectParam(subject)));
});
