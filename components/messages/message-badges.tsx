import type { MessageFormat, WireMessage } from '@/lib/types/messages';

const REGISTRY_FORMATS = new Set<MessageFormat>(['avro', 'protobuf', 'json-schema']);
const badge = 'inline-block shrink-0 rounded px-1 font-sans text-[10px] leading-4';

/** How the stream decoded one side (key or value) with the registry, in words for a tooltip. */
export function schemaDescription(message: WireMessage, side: 'key' | 'value'): string | null {
  const format = message.format?.[side];
  if (!format || !REGISTRY_FORMATS.has(format)) return null;
  const id = message.schemaId?.[side];
  const schema = message.schema?.[side];
  const subject = schema?.subject ? `, subject ${schema.subject}${schema.version !== undefined ? ` v${schema.version}` : ''}` : '';
  return `${format}${id !== undefined ? `, schema id ${id}` : ''}${subject}`;
}

/**
 * What the stream says of a message beyond its bytes: part of an aborted or a still-open
 * transaction, decoded with a registry schema, or shown as hex because it could not be.
 */
export function MessageBadges({ message }: { message: WireMessage }) {
  const schema = schemaDescription(message, 'value');
  const note = message.decodeNote?.value;
  return (
    <>
      {message.aborted ? (
        <span
          data-badge="aborted"
          className={`${badge} bg-red-100 text-red-800`}
          title="Part of an aborted transaction: a read_committed consumer never sees it"
        >
          aborted
        </span>
      ) : null}
      {message.pending ? (
        <span data-badge="pending" className={`${badge} bg-amber-100 text-amber-800`} title="Part of a transaction still open when it was read">
          pending
        </span>
      ) : null}
      {schema ? (
        <span data-badge="schema" className={`${badge} bg-indigo-100 text-indigo-800`} title={`Decoded: ${schema}`}>
          {message.format!.value}
          {message.schemaId?.value !== undefined ? ` #${message.schemaId.value}` : ''}
        </span>
      ) : null}
      {note ? (
        <span data-badge="decode-note" className={`${badge} bg-amber-100 text-amber-800`} title={note}>
          hex
        </span>
      ) : null}
    </>
  );
}
