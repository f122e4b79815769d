import Link from 'next/link';
import type { ConnectorRef } from '@/lib/types/connect';

/** The page of a connector on one of the cluster's Connect clusters. */
export const connectorHref = (cluster: string, ref: Pick<ConnectorRef, 'connect' | 'name'>) =>
  `/clusters/${encodeURIComponent(cluster)}/connect/${encodeURIComponent(ref.connect)}/connectors/${encodeURIComponent(ref.name)}`;

/** A connector's name linked to its page, with the Connect cluster it runs on. */
export function ConnectorLink({ cluster, connector }: { cluster: string; connector: ConnectorRef }) {
  return (
    <>
      <Link href={connectorHref(cluster, connector)} className="font-mono text-indigo-700 hover:underline">
        {connector.name}
      </Link>
      <span className="text-slate-500"> on {connector.connect}</span>
    </>
  );
}
