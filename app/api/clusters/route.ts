import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE, sessionSecret, verifySession } from '@/lib/auth/session';
import { isReadOnly } from '@/lib/config';
import { listClusters } from '@/lib/kafka/cluster';
import { withErrorHandling } from '@/lib/http';
import type { ClusterList } from '@/lib/types/cluster';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The clusters, and whether this user may change anything (READ_ONLY, or a viewer's session). */
export const GET = withErrorHandling(async (request: NextRequest) => {
  const session = await verifySession(request.cookies?.get(SESSION_COOKIE)?.value, sessionSecret());
  const readOnly = isReadOnly() || session?.role === 'viewer';
  return NextResponse.json<ClusterList>({ clusters: listClusters(), readOnly });
});
