'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { failureMessage } from '@/lib/api/fetch';
import { useProduce } from '@/lib/api/messages';
import { COMPRESSION_CODECS, type CompressionCodec } from '@/lib/compression-codecs';
import { errorField, valueForRequest } from '@/lib/produce-value';
import { useValueFormat } from './use-value-format';
import { ValueFormatPicker } from './value-format-picker';

const field = 'w-full rounded border border-slate-300 px-2 py-1 font-mono text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400';

/** One message: key, value, headers, partition or automatic (by key hash, as Kafka's producers do). */
export function ProduceForm({ cluster, topic, partitions }: { cluster: string; topic: string; partitions: number }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [headers, setHeaders] = useState<{ name: string; value: string }[]>([]);
  const [partition, setPartition] = useState('');
  const [compression, setCompression] = useState<CompressionCodec>('none');
  const produce = useProduce(cluster, topic);
  const { format, setFormat, subjects } = useValueFormat(cluster, topic);
  const [valueError, setValueError] = useState<string | null>(null);
  // A server error about the value (`value.status: expected int…`) shows under the value box.
  const serverError = produce.error ? failureMessage('produce', produce.error) : null;
  const aboutValue = produce.error instanceof Error && errorField(produce.error.message) === 'value';
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const encoded = valueForRequest(value, format);
    setValueError('error' in encoded ? encoded.error : null);
    if ('error' in encoded) return;
    produce.mutate({
      messages: [
        {
          key: key === '' ? null : key,
          value: encoded.value,
          // A list in the order typed: a key may repeat, and any key ("__proto__" too) is just data.
          headers: headers.some((h) => h.name) ? headers.filter((h) => h.name).map((h) => ({ key: h.name, value: h.value })) : undefined,
          partition: partition === '' ? undefined : Number(partition),
        },
      ],
      compression,
    });
  };
  return (
    <form onSubmit={submit} className="space-y-2 text-sm" aria-label="Produce a message">
      <div className="grid grid-cols-[1fr_8rem_8rem] gap-2">
        <label>
          Key <input aria-label="Key" value={key} onChange={(e) => setKey(e.target.value)} className={field} placeholder="(none)" />
        </label>
        <label>
          Partition
          <select aria-label="Partition" value={partition} onChange={(e) => setPartition(e.target.value)} className={field}>
            <option value="">automatic</option>
            {Array.from({ length: partitions }, (_, i) => (
              <option key={i} value={i}>
                {i}
              </option>
            ))}
          </select>
        </label>
        <label>
          Compression
          <select aria-label="Compression" value={compression} onChange={(e) => setCompression(e.target.value as CompressionCodec)} className={field}>
            {COMPRESSION_CODECS.map((codec) => (
              <option key={codec} value={codec}>
                {codec}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ValueFormatPicker format={format} onChange={setFormat} subjects={subjects} />
      <label className="block">
        Value{format.kind === 'schema' ? ' (JSON)' : ''}{' '}
        <textarea
          aria-label="Value"
          aria-invalid={Boolean(valueError || aboutValue)}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          rows={4}
          className={field}
        />
      </label>
      <ErrorText>{valueError ?? (aboutValue ? serverError : null)}</ErrorText>
      {headers.map((h, i) => (
        <div key={i} className="flex gap-2">
          <input
            aria-label={`Header name ${i + 1}`}
            placeholder="header"
            value={h.name}
            onChange={(e) => setHeaders((hs) => hs.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
            className={field}
          />
          <input
            aria-label={`Header value ${i + 1}`}
            placeholder="value"
            value={h.value}
            onChange={(e) => setHeaders((hs) => hs.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
            className={field}
          />
          <Button aria-label={`Remove header ${i + 1}`} onClick={() => setHeaders((hs) => hs.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </div>
      ))}
      <div className="flex items-center gap-2">
        <Button onClick={() => setHeaders((hs) => [...hs, { name: '', value: '' }])}>Add header</Button>
        <Button type="submit" variant="primary" disabled={produce.isPending}>
          {produce.isPending ? 'Sending…' : 'Produce'}
        </Button>
        {produce.data ? (
          <span role="status" className="text-slate-600">
            Written to partition {produce.data.offsets[0].partition} at offset {produce.data.offsets[0].offset}
          </span>
        ) : null}
      </div>
      <ErrorText>{aboutValue ? null : serverError}</ErrorText>
    </form>
  );
}
