import { Badge } from '@/components/ui/badge';

export function TopicHealthBadges({ underReplicated, offline }: { underReplicated: number; offline: number }) {
  if (!underReplicated && !offline) return <Badge tone="ok">healthy</Badge>;
  return (
    <span className="inline-flex gap-1">
      {offline ? (
        <Badge tone="danger" title="Partitions without a leader">
          {offline} offline
        </Badge>
      ) : null}
      {underReplicated ? (
        <Badge tone="warn" title="Partitions with replicas out of the ISR">
          {underReplicated} under-replicated
        </Badge>
      ) : null}
    </span>
  );
}
