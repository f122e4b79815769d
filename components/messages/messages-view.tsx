'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { rawValueUrl, streamUrl } from '@/lib/api/messages';
import { useTopic } from '@/lib/api/topics';
import { useMessageTail } from '@/lib/api/use-message-tail';
import { formatCount } from '@/lib/format';
import { parseTailParams, tailQuery, type TailParams } from '@/lib/tail-params';
import type { WireMessage } from '@/lib/types/messages';
import { MessageList } from './message-list';
import { ProduceForm } from './produce-form';
import { TailControls } from './tail-controls';
import { UploadForm } from './upload-form';
import { useReadOnly } from '@/lib/api/clusters';

const DEFAULT_MAX = 5000;

function exportJsonLines(messages: WireMessage[], topic: string) {
  const blob = new Blob(messages.map((m) => JSON.stringify(m) + '\n'), { type: 'application/x-ndjson' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${topic}-messages.jsonl`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function MessagesView({ cluster, topic }: { cluster: string; topic: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const parsed = parseTailParams(new URLSearchParams(searchParams.toString()));
  const params: TailParams = parsed.ok ? parsed.params : { from: { kind: 'latest' }, partitions: null, filter: null, live: true };
  const max = Math.min(100_000, Math.max(100, Number(searchParams.get('max')) || DEFAULT_MAX));
  const newestFirst = searchParams.get('order') !== 'oldest';
  const [run, setRun] = useState(0);
  const [resumeFrom, setResumeFrom] = useState<Record<string, number> | null>(null);
  const [paused, setPaused] = useState(false);
  const [panel, setPanel] = useState<'produce' | 'upload' | null>(null);
  const topicInfo = useTopic(cluster, topic);
  const readOnly = useReadOnly();
  const partitionCount = topicInfo.data?.partitions.length ?? 1;

  const effective: TailParams = resumeFrom ? { ...params, from: { kind: 'positions', positions: new Map(Object.entries(resumeFrom).map(([p, o]) => [Number(p), o])) } } : params;
  const url = paused || !parsed.ok ? null : `${streamUrl(cluster, topic, tailQuery(effective))}&run=${run}`;
  const tail = useMessageTail(url, max);

  const setQuery = (next: TailParams, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(tailQuery(next));
    for (const [k, v] of Object.entries({ max: String(max), order: newestFirst ? 'newest' : 'oldest', ...extra })) if (!(k === 'max' && v === String(DEFAULT_MAX)) && !(k === 'order' && v === 'newest')) q.set(k, v);
    router.replace(`${pathname}?${q}`, { scroll: false });
  };
  const restart = (next: TailParams) => {
    tail.clear();
    setResumeFrom(null);
    setPaused(false);
    setRun((r) => r + 1);
    setQuery(next);
  };
  const pause = () => {
    setResumeFrom(tail.positions());
    setPaused(true);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">
          <Link href={`/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}`} className="text-indigo-700 hover:underline">{topic}</Link>
          <span className="text-slate-400"> / </span>Messages
        </h1>
        {readOnly ? null : <div className="ml-auto flex gap-2">
          <Button onClick={() => setPanel(panel === 'produce' ? null : 'produce')} aria-expanded={panel === 'produce'}>Produce a message</Button>
          <Button onClick={() => setPanel(panel === 'upload' ? null : 'upload')} aria-expanded={panel === 'upload'}>Produce from a file</Button>
        </div>}
      </div>
      {panel === 'produce' ? <div className="rounded-lg border border-slate-200 bg-white p-3"><ProduceForm cluster={cluster} topic={topic} partitions={partitionCount} /></div> : null}
      {panel === 'upload' ? <div className="rounded-lg border border-slate-200 bg-white p-3"><UploadForm cluster={cluster} topic={topic} partitions={partitionCount} /></div> : null}
      <TailControls key={searchParams.toString()} initial={params} partitionCount={partitionCount} onApply={restart} />
      {!parsed.ok ? <ErrorText>{`This link's settings are invalid: ${parsed.problem}`}</ErrorText> : null}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {paused ? <Button variant="primary" onClick={() => setPaused(false)}>Resume</Button> : <Button onClick={pause} disabled={tail.state === 'done'}>Pause</Button>}
        <Button onClick={tail.clear}>Clear</Button>
        <Button onClick={() => exportJsonLines(tail.messages, topic)} disabled={!tail.messages.length}>Export JSON lines</Button>
        <label>Keep{' '}
          <select aria-label="Messages kept" value={max} onChange={(e) => setQuery(params, { max: e.target.value })} className="rounded border border-slate-300 px-1 py-0.5">
            {[1000, 5000, 20000, 100000].map((n) => <option key={n} value={n}>{formatCount(n)}</option>)}
          </select>
        </label>
        <label>Order{' '}
          <select aria-label="Order" value={newestFirst ? 'newest' : 'oldest'} onChange={(e) => setQuery(params, { order: e.target.value })} className="rounded border border-slate-300 px-1 py-0.5">
            <option value="newest">newest first</option><option value="oldest">oldest first</option>
          </select>
        </label>
        <span role="status" aria-live="polite" className="ml-auto text-slate-600" data-testid="tail-counters">
          {paused ? 'Paused' : { idle: '', connecting: 'Connecting…', streaming: params.live ? 'Live' : 'Reading', done: 'Done', paused: 'Paused', error: 'Stopped' }[tail.state]}
          {' · '}received {formatCount(tail.received)} · {formatCount(tail.rate)}/s
          {params.filter ? ` · matched ${formatCount(tail.status?.matched ?? 0)} of ${formatCount(tail.status?.scanned ?? 0)} scanned` : ''}
          {tail.dropped ? ` · ${formatCount(tail.dropped)} older dropped (keeping ${formatCount(max)})` : ''}
        </span>
      </div>
      {tail.status?.note ? <p className="text-sm text-amber-700">{tail.status.note}</p> : null}
      <ErrorText>{tail.error}</ErrorText>
      <MessageList messages={tail.messages} newestFirst={newestFirst} rawUrl={(m) => rawValueUrl(cluster, topic, m.partition, m.offset)} />
    </div>
  );
}
