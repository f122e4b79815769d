'use client';

import { useRef, useState } from 'react';
import { COMPRESSION_CODECS, type CompressionCodec } from '@/lib/compression-codecs';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { failureMessage } from '@/lib/api/fetch';
import { uploadFile } from '@/lib/api/messages';
import type { UploadOptions } from '@/lib/upload-options';
import { formatByteProgress, formatBytes, formatCount } from '@/lib/format';
import type { UploadProgress } from '@/lib/types/messages';

const SEPARATORS = [
  { label: 'New line', value: '\n' },
  { label: 'Tab', value: '\t' },
  { label: 'Comma', value: ',' },
  { label: 'Semicolon', value: ';' },
];

/** `cat access_log | kafka-console-producer`, in the browser: a file, one message per line. */
export function UploadForm({ cluster, topic, partitions }: { cluster: string; topic: string; partitions: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<UploadOptions>({ separator: '\n', keyed: false, partitioner: 'round-robin', partition: 0, compression: 'none' });
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  /** Bytes of the file sent so far: known from the first second, long before lines are counted. */
  const [sent, setSent] = useState<{ bytes: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    if (!file) return;
    setRunning(true);
    setError(null);
    setProgress(null);
    setSent({ bytes: 0, total: file.size });
    abort.current = new AbortController();
    try {
      await uploadFile(cluster, topic, file, options, setProgress, abort.current.signal, (bytes, total) => setSent({ bytes, total }));
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };
  const finished = !running || progress?.type === 'done' || progress?.type === 'error';
  // Whichever is further along: the bytes the browser sent, or the bytes the server has written.
  const bytes = Math.max(sent?.bytes ?? 0, progress?.bytesRead ?? 0);
  const total = sent?.total ?? file?.size ?? 0;
  // 100% only with the server's summary: the last lines are still being written when the last byte is sent.
  const percent = progress?.type === 'done' ? 100 : total > 0 ? Math.min(99, Math.floor((bytes / total) * 100)) : 0;

  return (
    <div className="space-y-3 text-sm" aria-label="Produce from a file" role="group">
      <input type="file" aria-label="File to upload" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <div className="flex flex-wrap gap-4">
        <label>
          Separator{' '}
          <select
            value={options.separator}
            onChange={(e) => setOptions({ ...options, separator: e.target.value })}
            className="rounded border border-slate-300 px-1 py-0.5"
          >
            {SEPARATORS.map((s) => (
              <option key={s.label} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={options.keyed} onChange={(e) => setOptions({ ...options, keyed: e.target.checked })} /> Lines are{' '}
          <span className="font-mono">key⇥value</span>
        </label>
        <label>
          Partitions{' '}
          <select
            aria-label="Partitioning"
            value={options.partitioner}
            onChange={(e) => setOptions({ ...options, partitioner: e.target.value as UploadOptions['partitioner'] })}
            className="rounded border border-slate-300 px-1 py-0.5"
          >
            <option value="round-robin">round-robin</option>
            <option value="key-hash">by key hash</option>
            <option value="partition">one partition</option>
          </select>
        </label>
        {options.partitioner === 'partition' ? (
          <select
            aria-label="Target partition"
            value={options.partition}
            onChange={(e) => setOptions({ ...options, partition: Number(e.target.value) })}
            className="rounded border border-slate-300 px-1 py-0.5"
          >
            {Array.from({ length: partitions }, (_, i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        ) : null}
        <label>
          Compression{' '}
          <select
            aria-label="Compression"
            value={options.compression}
            onChange={(e) => setOptions({ ...options, compression: e.target.value as CompressionCodec })}
            className="rounded border border-slate-300 px-1 py-0.5"
          >
            {COMPRESSION_CODECS.map((codec) => (
              <option key={codec} value={codec}>
                {codec}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex gap-2">
        <Button variant="primary" disabled={!file || running} onClick={() => void start()}>
          {running ? 'Uploading…' : 'Upload'}
        </Button>
        {running ? <Button onClick={() => abort.current?.abort()}>Cancel</Button> : null}
        {file ? (
          <span className="text-slate-500">
            {file.name}, {formatBytes(file.size)}
          </span>
        ) : null}
      </div>
      {sent || progress ? (
        <div className="space-y-1">
          <div
            role="progressbar"
            aria-label="Upload progress"
            aria-valuenow={percent}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuetext={formatByteProgress(bytes, total)}
            className="h-2 w-full overflow-hidden rounded bg-slate-200"
          >
            <div className={`h-full ${progress?.type === 'error' ? 'bg-red-500' : 'bg-indigo-600'}`} style={{ width: `${percent}%` }} />
          </div>
          {!finished ? (
            <p role="status" data-testid="upload-bytes" className="tabular-nums">
              {bytes < total ? 'Sending' : 'Sent'} {formatByteProgress(bytes, total)}
            </p>
          ) : null}
        </div>
      ) : null}
      {progress ? (
        <div className="space-y-1">
          <p role="status" data-testid="upload-summary">
            {progress.type === 'done' ? 'Done: ' : progress.type === 'error' ? 'Stopped: ' : ''}
            {formatCount(progress.written)} of {formatCount(progress.lines)} lines written
            {Object.keys(progress.writtenPerPartition).length
              ? ` (${Object.entries(progress.writtenPerPartition)
                  .map(([p, n]) => `p${p}: ${formatCount(n)}`)
                  .join(', ')})`
              : ''}
            {progress.skippedCount ? `; ${formatCount(progress.skippedCount)} skipped` : ''}
          </p>
          {progress.skipped.length ? (
            <ul className="list-disc pl-5 text-amber-800">
              {progress.skipped.slice(0, 5).map((s) => (
                <li key={s.line}>
                  line {s.line}: {s.reason}
                </li>
              ))}
            </ul>
          ) : null}
          {progress.message ? <ErrorText>{progress.message}</ErrorText> : null}
        </div>
      ) : null}
      <ErrorText>{error ? failureMessage('upload', error) : null}</ErrorText>
    </div>
  );
}
