import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { previewBrokerConfigs, updateBrokerConfigs } from '@/lib/kafka/broker-configs';
import type { BrokerConfigsChange } from '@/lib/types/brokers';
import { badRequest } from '@/lib/kafka/errors';
import { alterConfigsSchema } from '@/lib/topic-validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Sets (string) or resets (null) dynamic configs of broker {broker}, or of every broker's default
 * when {broker} is "default"; answers the configs after the change. `?dryRun=true` has the broker
 * only validate the change and answers what would change.
 */
export const PATCH = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'broker'>) => {
  const { cluster, broker } = await params;
  if (broker !== 'default' && !/^\d{1,10}$/.test(broker)) throw badRequest(`"${broker}" is not a broker node id (or "default")`);
  const dryRun = new URL(request.url).searchParams.get('dryRun') === 'true';
  const { configs } = await readJson(request, alterConfigsSchema);
  const target = broker === 'default' ? 'default' : Number(broker);
  return NextResponse.json<BrokerConfigsChange>(await (dryRun ? previewBrokerConfigs : updateBrokerConfigs)(cluster, target, configs));
});
