'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { ApiRequestError } from '@/lib/api/fetch';
import { rawValueUrl, streamUrl } from '@/lib/api/messages';
import { useTopic } from '@/lib/api/topics';
import { useMessageTail } from '@/lib/api/use-message-tail';
import { formatCount } from '@/lib/format';
import { KEEP_SIZES } from '@/lib/tail-form';
import { tailQuery, type StartSpec, type TailParams } from '@/lib/tail-params';
import { exportJsonLines } from './export-json-lines';
import { MessageList } from './message-list';
import { MessagesHeader } from './messages-header';
import { TailControls } from './tail-controls';
import { TailStatusLine } from './tail-status-line';
import { useTailUrl } from './use-tail-url';

const select = 'rounded border border-slate-300 px-1 py-0.5';
const positionsSpec = (positions: Record<string, number>): StartSpec => ({
  kind: 'positions',
  positions: new Map(Object.entries(positions).map(([p, o]) => [Number(p), o])),
});

/**
 * A topic's messages, read one of two ways (lib/tail-form.ts): Browse pages through from a start,
 * oldest first; Live follows new messages, newest first, keeping the last `max`.
 */
export function MessagesView({ cluster, topic }: { cluster: string; topic: string }) {
  const topicInfo = useTopic(cluster, topic);
  const partitionCount = topicInfo.data?.partitions.length ?? null;
  const settings = useTailUrl(partitionCount);
  const { applied, view } = settings;
  const [run, setRun] = useState(0);
  // Browse: where each page shown so far started (Previous goes back one). Live: where Pause stopped.
  const [pages, setPages] = useState<StartSpec[]>([]);
  const [resumeFrom, setResumeFrom] = useState<Record<string, number> | null>(null);
  const [paused, setPaused] = useState(false);
  // Other settings (applied, or back/forward): a new read from its first page.
  const [readKey, setReadKey] = useState(settings.formKey);
  if (readKey !== settings.formKey) {
    setReadKey(settings.formKey);
    setPages([]);
    setResumeFrom(null);
    setPaused(false);
  }
  const missing = topicInfo.error instanceof ApiRequestError && topicInfo.error.status === 404;

  const browse = applied?.mode === 'browse';
  const read: TailParams | null = !applied
    ? null
    : browse
      ? { ...applied.params, from: pages.at(-1) ?? applied.params.from, live: false, limit: applied.size }
      : resumeFrom
        ? { ...applied.params, from: positionsSpec(resumeFrom) }
        : applied.params;
  const url = !read || missing || (paused && !browse) ? null : `${streamUrl(cluster, topic, tailQuery(read))}&run=${run}`;
  const tail = useMessageTail(url, browse ? applied.size : view.max, `${settings.formKey}#${run}`);

  const restart = (nextPages: StartSpec[] = []) => {
    setPages(nextPages);
    setResumeFrom(null);
    setPaused(false);
    setRun((r) => r + 1);
  };
  const pause = () => {
    setResumeFrom(tail.positions());
    setPaused(true);
  };

  if (missing) {
    return (
      <div className="space-y-3">
        <MessagesHeader cluster={cluster} topic={topic} partitionCount={null} />
        <Alert tone="warn" title="No such topic">
          Topic “{topic}” does not exist in cluster “{cluster}”.{' '}
          <Link href={`/clusters/${encodeURIComponent(cluster)}/topics`} className="text-indigo-700 underline">
            All topics
          </Link>
        </Alert>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <MessagesHeader cluster={cluster} topic={topic} partitionCount={partitionCount} />
      <TailControls
        key={settings.formKey}
        initial={settings.draft}
        problems={settings.problems}
        partitionCount={partitionCount}
        onApply={(next) => {
          if (!settings.apply(next)) restart();
        }}
      />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        {browse ? (
          <>
            <Button onClick={() => restart(pages.slice(0, -1))} disabled={pages.length === 0}>
              Previous page
            </Button>
            <Button
              variant="primary"
              onClick={() => restart([...pages, positionsSpec(tail.status!.positions)])}
              disabled={tail.state !== 'done' || !tail.status}
            >
              Next page
            </Button>
          </>
        ) : (
          <>
            {paused ? (
              <Button variant="primary" onClick={() => setPaused(false)}>
                Resume
              </Button>
            ) : (
              <Button onClick={pause} disabled={!url || tail.state === 'done'}>
                Pause
              </Button>
            )}
            <Button onClick={tail.clear}>Clear</Button>
            <label>
              Keep{' '}
              <select aria-label="Messages kept" value={view.max} onChange={(e) => settings.setView('max', e.target.value)} className={select}>
                {KEEP_SIZES.map((n) => (
                  <option key={n} value={n}>
                    {formatCount(n)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <Button onClick={() => exportJsonLines(tail.messages, topic)} disabled={!tail.messages.length}>
          Export JSON lines
        </Button>
        <label>
          Order{' '}
          <select
            aria-label="Order"
            value={view.newestFirst ? 'newest' : 'oldest'}
            onChange={(e) => settings.setView('order', e.target.value)}
            className={select}
          >
            <option value="newest">newest first</option>
            <option value="oldest">oldest first</option>
          </select>
        </label>
        {applied ? <TailStatusLine mode={applied.mode} tail={tail} page={pages.length + 1} filtering={applied.params.filter !== null} max={view.max} /> : null}
      </div>
      {tail.status?.note ? <p className="text-sm text-amber-700">{tail.status.note}</p> : null}
      <ErrorText>{tail.error}</ErrorText>
      <MessageList
        messages={tail.messages}
        newestFirst={view.newestFirst}
        rawUrl={(m) => rawValueUrl(cluster, topic, m.partition, m.offset)}
        filter={applied?.params.filter ?? null}
      />
    </div>
  );
}
