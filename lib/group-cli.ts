import type { ResetOffsetsRequest } from '@/lib/group-validation';
import { shellQuote } from './topic-cli';

/** The `kafka-consumer-groups.sh --reset-offsets` command equivalent to a reset request. Pure. */
export function kafkaConsumerGroupsResetCommand(bootstrap: string, groupId: string, request: ResetOffsetsRequest): string {
  const scope = request.partitions?.length ? `${request.topic}:${request.partitions.join(',')}` : request.topic;
  const how = {
    earliest: ['--to-earliest'],
    latest: ['--to-latest'],
    offset: ['--to-offset', String(request.value ?? 0)],
    shift: ['--shift-by', String(request.value ?? 0)],
    timestamp: ['--to-datetime', new Date(request.value ?? 0).toISOString().replace('Z', '+00:00')],
  }[request.to];
  return [
    'kafka-consumer-groups.sh',
    '--bootstrap-server',
    bootstrap,
    '--group',
    groupId,
    '--reset-offsets',
    '--topic',
    scope,
    ...how,
    request.dryRun ? '--dry-run' : '--execute',
  ]
    .map(shellQuote)
    .join(' ');
}
