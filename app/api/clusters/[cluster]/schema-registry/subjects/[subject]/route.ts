import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { flag } from '@/lib/schema-registry-input';
import { subjectParam } from '@/lib/kafka/schema-registry/registry-access';
import { deleteSubject } from '@/lib/kafka/schema-registry/subject-changes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Soft-deletes every version of the subject; `?permanent=true` removes them for good. */
export const DELETE = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'subject'>) => {
  const { cluster, subject } = await params;
  const permanent = flag(request.url, 'permanent');
  const versions = await deleteSubject(cluster, subjectParam(subject), permanent);
  return NextResponse.json({ subject, versions, permanent });
});
