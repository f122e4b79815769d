import { NextResponse } from 'next/server';
import { isReadOnly } from '@/lib/config';
import { listClusters } from '@/lib/kafka/cluster';
import { withErrorHandling } from '@/lib/http';
import type { ClusterList } from '@/lib/types/cluster';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async () => NextResponse.json<ClusterList>({ clusters: listClusters(), readOnly: isReadOnly() }));
