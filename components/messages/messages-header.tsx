'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useReadOnly } from '@/lib/api/clusters';
import { ProduceForm } from './produce-form';
import { UploadForm } from './upload-form';

/** The page title and, for writers, the produce and upload panels. */
export function MessagesHeader({ cluster, topic, partitionCount }: { cluster: string; topic: string; partitionCount: number | null }) {
  const [panel, setPanel] = useState<'produce' | 'upload' | null>(null);
  const readOnly = useReadOnly();
  const writable = !readOnly && partitionCount !== null;
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">
          <Link href={`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`} className="text-indigo-700 hover:underline">
            {topic}
          </Link>
          <span className="text-slate-400"> / </span>Messages
        </h1>
        {writable ? (
          <div className="ml-auto flex gap-2">
            <Button onClick={() => setPanel(panel === 'produce' ? null : 'produce')} aria-expanded={panel === 'produce'}>
              Produce a message
            </Button>
            <Button onClick={() => setPanel(panel === 'upload' ? null : 'upload')} aria-expanded={panel === 'upload'}>
              Produce from a file
            </Button>
          </div>
        ) : null}
      </div>
      {writable && panel === 'produce' ? (
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <ProduceForm cluster={cluster} topic={topic} partitions={partitionCount} />
        </div>
      ) : null}
      {writable && panel === 'upload' ? (
        <div className="rounded-lg border border-slate-200 bg-white p-3">
          <UploadForm cluster={cluster} topic={topic} partitions={partitionCount} />
        </div>
      ) : null}
    </>
  );
}
