import { NextResponse } from 'next/server';
import { readJson, withErrorHandling, type Params } from '@/lib/http';
import { listUsers, upsertUser } from '@/lib/kafka/users';
import type { ScramUserChange, ScramUserList } from '@/lib/types/users';
import { scramUserSchema } from '@/lib/user-validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** SCRAM users and their mechanisms (`kafka-configs --describe --entity-type users`). */
export const GET = withErrorHandling(async (_request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  return NextResponse.json<ScramUserList>({ users: await listUsers(cluster) });
});

/** Creates a user or sets its password for one mechanism; the answer never contains the password. */
export const POST = withErrorHandling(async (request: Request, { params }: Params<'cluster'>) => {
  const { cluster } = await params;
  const input = await readJson(request, scramUserSchema);
  return NextResponse.json<ScramUserChange>(await upsertUser(cluster, input), { status: 201 });
});
