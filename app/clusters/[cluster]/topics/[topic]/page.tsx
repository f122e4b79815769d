import { ComingSoon } from '@/components/ui/coming-soon';

export default async function TopicPage({ params }: { params: Promise<{ topic: string }> }) {
  const topic = decodeURIComponent((await params).topic);
  return <ComingSoon title={topic} cli={`npm run kafka -- topics --describe --topic ${JSON.stringify(topic)}`} />;
}
