import { errorResponse, withErrorHandling, type Params } from '@/lib/http';
import { readRecord } from '@/lib/kafka/read-record';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET …/messages/raw?partition=P&offset=O: the value's bytes as a download (never rendered by the browser). */
export const GET = withErrorHandling(async (request: Request, { params }: Params<'cluster' | 'topic'>) => {
  const { cluster, topic } = await params;
  const query = new URL(request.url).searchParams;
  const partition = query.get('partition') ?? '';
  const offset = query.get('offset') ?? '';
  if (!/^\d{1,9}$/.test(partition) || !/^\d{1,18}$/.test(offset)) return errorResponse('INVALID_INPUT', 'partition and offset must be whole numbers');
  const record = await readRecord(cluster, topic, Number(partition), Number(offset));
  const name = `${topic}-${partition}-${offset}.bin`.replace(/[^a-zA-Z0-9._-]/g, '_');
  return new Response(record.value ? new Uint8Array(record.value) : new Uint8Array(), {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
