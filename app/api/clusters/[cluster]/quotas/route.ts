import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { changeQuota, listQuotas } from '@/lib/kafka/quotas';
import { quotaChangeSchema } from '@/lib/quota-validation';
import type { ClientQuotaList, QuotaChangeResult } from '@/lib/types/quotas';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every client quota: users, client ids, both, IPs and defaults (`kafka-configs --describe`). */
export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  return NextResponse.json<ClientQuotaList>({ quotas: await listQuotas(cluster) });
});

/**
 * Sets (number) or removes (null) quota values of one entity; answers its values afterwards.
 * `?dryRun=true` has Kafka only validate the change and answers what would change.
 */
export const PUT = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const dryRun = new URL(request.url).searchParams.get('dryRun') === 'true';
  const change = await readJson(request, quotaChangeSchema);
  return NextResponse.json<QuotaChangeResult>(await changeQuota(cluster, change, { dryRun }));
});
