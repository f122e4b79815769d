import { NextResponse } from 'next/server';
import { aclFilterSchema, createAclsSchema, deleteAclsFilterSchema } from '@/lib/acl-validation';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { createAcls, deleteAcls, listAcls } from '@/lib/kafka/acls';
import { badRequest } from '@/lib/kafka/errors';
import { firstProblem } from '@/lib/topic-validation';
import type { AclDeleteResult, AclList } from '@/lib/types/acls';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const FILTER_KEYS = ['resourceType', 'resourceName', 'patternType', 'principal', 'host', 'operation', 'permission'];

/** `?resourceType&resourceName&patternType&principal&host&operation&permission`: every field optional. */
export const GET = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const query = new URL(request.url).searchParams;
  const unknown = [...query.keys()].find((key) => !FILTER_KEYS.includes(key));
  if (unknown) throw badRequest(`Unknown filter "${unknown.slice(0, 80)}"; one of ${FILTER_KEYS.join(', ')}`, 'INVALID_INPUT');
  const parsed = aclFilterSchema.safeParse(Object.fromEntries([...query].filter(([, value]) => value !== '')));
  if (!parsed.success) throw badRequest(firstProblem(parsed.error), 'INVALID_INPUT');
  return NextResponse.json<AclList>(await listAcls(cluster, parsed.data));
});

/** One binding, or `{ acls: [...] }` → 201. */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const bindings = await readJson(request, createAclsSchema);
  return NextResponse.json(await createAcls(cluster, bindings), { status: 201 });
});

/** A JSON filter body → `{ deleted }`; `?dryRun=true` only answers what would go. */
export const DELETE = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const dryRun = new URL(request.url).searchParams.get('dryRun') === 'true';
  const filter = await readJson(request, deleteAclsFilterSchema);
  return NextResponse.json<AclDeleteResult>(await deleteAcls(cluster, filter, { dryRun }));
});
