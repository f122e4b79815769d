import type { Highlighter, PreviewField } from '@/lib/highlight';
import type { Encoding } from '@/lib/types/messages';
import { ValueBadge } from './value-badge';

/** Cut in the row; the detail shows the whole value. */
const PREVIEW_CHARS = 300;
const BINARY_CHARS = 80;

/**
 * A key or value as the row shows it: a badge for null (a value's null is a tombstone) and for
 * empty, binary as base64, text with the filter's matches marked. Always text nodes, never HTML.
 */
export function PreviewText({
  text,
  encoding,
  field,
  highlight,
}: {
  text: string | null;
  encoding: Encoding;
  field: PreviewField;
  highlight: Highlighter | null;
}) {
  if (text === null) return <ValueBadge kind={field === 'value' ? 'tombstone' : 'null'} />;
  if (text === '') return <ValueBadge kind="empty" />;
  // The filter matched decoded bytes on the server; base64 is not what it saw.
  if (encoding === 'base64') return <>(binary) {text.slice(0, BINARY_CHARS)}</>;
  const shown = text.slice(0, PREVIEW_CHARS);
  if (!highlight) return <>{shown}</>;
  return (
    <>
      {highlight(shown, field).map((s, i) =>
        s.match ? (
          <mark key={i} className="rounded-sm bg-amber-200 text-inherit">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
