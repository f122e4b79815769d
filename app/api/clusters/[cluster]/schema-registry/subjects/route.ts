import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { flag } from '@/lib/schema-registry-input';
import { listSubjects } from '@/lib/kafka/schema-registry/subjects';
import type { SubjectList } from '@/lib/types/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every subject with its latest version, type and compatibility; `?deleted=true` adds the soft-deleted ones. */
export const GET = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  return NextResponse.json<SubjectList>({ subjects: await listSubjects(cluster, { deleted: flag(request.url, 'deleted') }) });
});
