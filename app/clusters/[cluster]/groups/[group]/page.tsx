import { ComingSoon } from '@/components/ui/coming-soon';

export default async function GroupPage({ params }: { params: Promise<{ group: string }> }) {
  const group = decodeURIComponent((await params).group);
  return <ComingSoon title={group} cli={`npm run kafka -- consumer-groups --describe --group ${JSON.stringify(group)}`} />;
}
