import { NextResponse } from 'next/server';
import { errorResponse, withErrorHandling, type Params } from '@/lib/http';
import { groupPageQuerySchema } from '@/lib/group-page';
import { listGroups, listGroupsPage } from '@/lib/kafka/groups-list';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Every group (no `limit`), or one page of them: `limit`, `offset`, `q` (search terms), `state`,
 * `status`, `sort` and `dir` applied to all groups on the server (lib/group-page.ts).
 */
export const GET = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const parsed = groupPageQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return errorResponse('INVALID_INPUT', parsed.error.issues[0].message);
  const { limit } = parsed.data;
  return NextResponse.json(limit === undefined ? await listGroups(cluster) : await listGroupsPage(cluster, { ...parsed.data, limit }));
});
