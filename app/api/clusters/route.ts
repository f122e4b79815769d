import { NextResponse } from 'next/server';
import { currentSession, sessionToken } from '@/lib/auth';
import { isReadOnly } from '@/lib/config';
import { listClusters } from '@/lib/kafka/cluster';
import { withErrorHandling } from '@/lib/http';
import type { ClusterList } from '@/lib/types/cluster';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The clusters, and whether this user may change anything (READ_ONLY, or a viewer's session). */
export const GET = withErrorHandling(async (request: Request) => {
  const session = await currentSession(sessionToken(request.headers.get('cookie')));
  const readOnly = isReadOnly() || session?.role === 'viewer';
  return NextResponse.json<ClusterList>({ clusters: listClusters(), readOnly });
});
