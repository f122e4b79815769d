import { Badge } from '@/components/ui/badge';
import type { GroupType } from '@/lib/types/groups';

const LABELS: Record<Exclude<GroupType, ''>, { label: string; title: string }> = {
  classic: { label: 'classic', title: 'Classic consumer group (JoinGroup/SyncGroup; kafka-consumer-groups)' },
  consumer: { label: 'consumer', title: 'Consumer group of the new consumer protocol (KIP-848, group.protocol=consumer; kafka-consumer-groups)' },
  share: { label: 'share', title: 'Share group (KIP-932): members share partitions and acknowledge records one by one (kafka-share-groups)' },
  streams: { label: 'streams', title: 'Kafka Streams group (KIP-1071; kafka-streams-groups)' },
};

/** The group's type as ListGroups v5 names it; nothing when the broker does not say (before Kafka 3.8). */
export function GroupTypeLabel({ type }: { type: GroupType }) {
  if (!type) return null;
  const known = LABELS[type] ?? { label: type, title: type };
  return (
    <Badge tone={type === 'share' ? 'info' : 'neutral'} title={known.title}>
      {known.label}
    </Badge>
  );
}
