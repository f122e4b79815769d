import { useMutation } from '@tanstack/react-query';
import type { CompressionCodec } from '@/lib/compression-codecs';
import type { ProduceRequest, ProduceResult, UploadProgress } from '@/lib/types/messages';
import { apiFetch, ApiRequestError } from './fetch';

const base = (cluster: string, topic: string) => `/api/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/messages`;

export const streamUrl = (cluster: string, topic: string, query: string) => `${base(cluster, topic)}/stream?${query}`;
export const rawValueUrl = (cluster: string, topic: string, partition: number, offset: number) => `${base(cluster, topic)}/raw?partition=${partition}&offset=${offset}`;

export function useProduce(cluster: string, topic: string) {
  return useMutation({
    mutationFn: (request: ProduceRequest) =>
      apiFetch<ProduceResult>(base(cluster, topic), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) }),
  });
}

export interface UploadOptions {
  separator: string;
  keyed: boolean;
  partitioner: 'round-robin' | 'key-hash' | 'partition';
  partition?: number;
  compression?: CompressionCodec;
}

/** Streams a file to the upload endpoint and reports each progress line; resolves with the last one. */
export async function uploadFile(cluster: string, topic: string, file: File, options: UploadOptions, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<UploadProgress> {
  const query = new URLSearchParams({ separator: options.separator, keyed: String(options.keyed), partitioner: options.partitioner });
  if (options.partitioner === 'partition') query.set('partition', String(options.partition ?? 0));
  if (options.compression && options.compression !== 'none') query.set('compression', options.compression);
  const response = await fetch(`${base(cluster, topic)}/upload?${query}`, { method: 'POST', body: file, signal, headers: { 'Content-Type': 'application/octet-stream' } });
  if (!response.ok || !response.body) {
    const body = await response.json().catch(() => null);
    throw new ApiRequestError(response.status, body?.error?.code ?? `HTTP_${response.status}`, body?.error?.message ?? 'Upload failed');
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let last: UploadProgress | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines.filter(Boolean)) {
      last = JSON.parse(line) as UploadProgress;
      onProgress(last);
    }
  }
  if (!last) throw new ApiRequestError(0, 'NO_PROGRESS', 'The server ended the upload without a summary');
  return last;
}
