import { useMutation } from '@tanstack/react-query';
import type { ApiErrorCode } from '@/lib/api-errors';
import type { ProduceRequest } from '@/lib/produce-request';
import type { ProduceResult, UploadProgress } from '@/lib/types/messages';
import { type UploadOptions, uploadQuery } from '@/lib/upload-options';
import { apiFetch, ApiRequestError } from './fetch';

const base = (cluster: string, topic: string) => `/api/clusters/${encodeURIComponent(cluster)}/topics/${encodeURIComponent(topic)}/messages`;

export const streamUrl = (cluster: string, topic: string, query: string) => `${base(cluster, topic)}/stream?${query}`;
export const rawValueUrl = (cluster: string, topic: string, partition: number, offset: number) =>
  `${base(cluster, topic)}/raw?partition=${partition}&offset=${offset}`;

export function useProduce(cluster: string, topic: string) {
  return useMutation({
    mutationFn: (request: ProduceRequest) =>
      apiFetch<ProduceResult>(base(cluster, topic), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) }),
  });
}

/** The server's error body, or a generic one when it sent none. */
function uploadError(xhr: XMLHttpRequest): ApiRequestError {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: ApiErrorCode; message?: string } };
    if (body.error?.code && body.error.message) return new ApiRequestError(xhr.status, body.error.code, body.error.message);
  } catch {
    // not JSON: fall through
  }
  return new ApiRequestError(xhr.status, `HTTP_${xhr.status}`, 'Upload failed');
}

/**
 * Sends a file to the upload endpoint: `onSent(bytes, total)` as the file goes out, from the first
 * second, and `onProgress` for each progress line the server streams; resolves with the last line
 * (done or error, with the exact counts per partition). XMLHttpRequest rather than fetch: only it
 * reports how much of a request body has been sent, and a browser hands over the server's answer
 * only once the whole body is out, so a fetch shows nothing until the end of a large file.
 */
export function uploadFile(
  cluster: string,
  topic: string,
  file: File,
  options: UploadOptions,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
  onSent?: (bytes: number, total: number) => void,
): Promise<UploadProgress> {
  const query = uploadQuery(options);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let consumed = 0;
    let last: UploadProgress | null = null;
    /** The JSON lines that arrived since the last call. */
    const readLines = () => {
      if (xhr.status < 200 || xhr.status >= 300) return;
      const text = xhr.responseText;
      for (let end = text.indexOf('\n', consumed); end >= 0; end = text.indexOf('\n', consumed)) {
        const line = text.slice(consumed, end);
        consumed = end + 1;
        if (!line) continue;
        last = JSON.parse(line) as UploadProgress;
        onProgress(last);
      }
    };
    xhr.open('POST', `${base(cluster, topic)}/upload?${query}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => onSent?.(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(uploadError(xhr));
      readLines();
      if (last) resolve(last);
      else reject(new ApiRequestError(0, 'NO_PROGRESS', 'The server ended the upload without a summary'));
    };
    xhr.onerror = () => reject(new ApiRequestError(0, 'NETWORK', 'The dashboard server did not answer, or the connection was cut during the upload'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (signal?.aborted) return reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
