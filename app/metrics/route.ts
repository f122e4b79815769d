import { errorResponse, withErrorHandling } from '@/lib/http';
import { scrapeMetrics } from '@/lib/kafka/metrics';
import { metricsAccess } from '@/lib/metrics/access';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /metrics: Prometheus text format, from each cluster's latest lag sample (kafka-lag-exporter's
 * names and labels; see lib/metrics/exposition.ts). Access: lib/metrics/access.ts.
 */
export const GET = withErrorHandling(async (request: Request) => {
  const access = metricsAccess(process.env, request.headers.get('authorization'));
  if (!access.ok) return errorResponse(access.code, access.message);
  const { contentType, body } = await scrapeMetrics();
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
});
