import { withErrorHandling, type Params } from '@/lib/http';
import { badRequest } from '@/lib/kafka/errors';
import { deleteUser } from '@/lib/kafka/users';
import { mechanismSchema } from '@/lib/user-validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Deletes one SCRAM mechanism of a user (`?mechanism=SCRAM-SHA-256`), or all of them without it. */
export const DELETE = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'user'>) => {
  const { cluster, user } = await params;
  const given = new URL(request.url).searchParams.get('mechanism');
  const mechanism = given === null || given === '' ? null : mechanismSchema.safeParse(given);
  if (mechanism && !mechanism.success) throw badRequest('mechanism must be SCRAM-SHA-256 or SCRAM-SHA-512', 'INVALID_INPUT');
  await deleteUser(cluster, user, mechanism ? mechanism.data : null);
  return new Response(null, { status: 204 });
});
