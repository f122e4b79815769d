import { ComingSoon } from '@/components/ui/coming-soon';

export default function GroupsPage() {
  return <ComingSoon title="Consumer groups" cli="npm run kafka -- consumer-groups --list" />;
}
