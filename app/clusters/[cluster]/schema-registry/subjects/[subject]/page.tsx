import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SubjectView } from '@/components/schema-registry/subject-view';
import { Loading } from '@/components/ui/loading';
import { routeParam } from '@/lib/route-param';

type Props = { params: Promise<{ cluster: string; subject: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: routeParam((await params).subject) };
}

/** Not-configured and missing subjects are the view's to show (the API says which, with the registry's words). */
export default async function SubjectPage({ params }: Props) {
  const { cluster, subject } = await params;
  return (
    <Suspense fallback={<Loading />}>
      <SubjectView cluster={routeParam(cluster)} subject={routeParam(subject)} />
    </Suspense>
  );
}
