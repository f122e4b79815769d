import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { compatibilityBody } from '@/lib/schema-registry-input';
import { getCompatibility, setCompatibility } from '@/lib/kafka/schema-registry/subject-changes';
import type { CompatibilityConfig } from '@/lib/types/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The registry's global compatibility level. */
export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  return NextResponse.json<CompatibilityConfig>(await getCompatibility(cluster, null));
});

export const PUT = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const { compatibility } = await readJson(request, compatibilityBody);
  return NextResponse.json<CompatibilityConfig>(await setCompatibility(cluster, null, compatibility));
});
