import type { Metadata } from 'next';
import { ReassignmentsView } from '@/components/reassignments/reassignments-view';
import { routeParam } from '@/lib/route-param';

type Props = { params: Promise<{ cluster: string }> };

export const metadata: Metadata = { title: 'Reassignments' };

export default async function ReassignmentsPage({ params }: Props) {
  return <ReassignmentsView cluster={routeParam((await params).cluster)} />;
}
