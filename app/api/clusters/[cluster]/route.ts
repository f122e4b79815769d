import { NextResponse } from 'next/server';
import { getClusterOverview } from '@/lib/kafka/cluster';
import { withErrorHandling } from '@/lib/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (_request: Request, { params }: { params: Promise<{ cluster: string }> }) => {
  const { cluster } = await params;
  return NextResponse.json(await getClusterOverview(cluster));
});
