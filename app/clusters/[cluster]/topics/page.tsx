import { ComingSoon } from '@/components/ui/coming-soon';

export default function TopicsPage() {
  return <ComingSoon title="Topics" cli="npm run kafka -- topics --list" />;
}
