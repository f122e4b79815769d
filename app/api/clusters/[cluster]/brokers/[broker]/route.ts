import { NextResponse } from 'next/server';
import { withErrorHandling, type Params } from '@/lib/http';
import { getBroker } from '@/lib/kafka/brokers';
import { badRequest } from '@/lib/kafka/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster' | 'broker'>) => {
  const { cluster, broker } = await params;
  if (!/^\d{1,10}$/.test(broker)) throw badRequest(`"${broker}" is not a broker node id`);
  return NextResponse.json(await getBroker(cluster, Number(broker)));
});
