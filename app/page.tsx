import { redirect } from 'next/navigation';
import { getClusters } from '@/lib/config';

export const dynamic = 'force-dynamic';

/** `/` opens the first configured cluster. */
export default function Home() {
  const [first] = getClusters();
  redirect(`/clusters/${encodeURIComponent(first.name)}`);
}
