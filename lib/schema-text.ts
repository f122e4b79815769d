import { createLowlight } from 'lowlight';
import json from 'highlight.js/lib/languages/json';
import protobuf from 'highlight.js/lib/languages/protobuf';
import type { SchemaType } from '@/lib/types/schema-registry';

/**
 * Schema text as the registry pages show it: pretty-printed, and cut into highlighted tokens that
 * the page renders as text (never as HTML: a schema's strings are the registry's, so anyone's).
 * Pure; runs in the browser.
 */

/** Above this the schema is shown plain: highlighting a huge schema would hold the page. */
export const MAX_HIGHLIGHTED_CHARS = 200_000;

const lowlight = createLowlight({ json, protobuf });

const TYPE_LABELS = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSON: 'JSON Schema' } as const;

/** The format's usual name; "—" where the registry did not say. */
export const schemaTypeLabel = (type: SchemaType | null) => (type ? TYPE_LABELS[type] : '—');

/** Avro and JSON Schema indented by two spaces; Protobuf (and JSON that does not parse) as written. */
export function prettySchema(schema: string, schemaType: SchemaType | null): string {
  if (schemaType === 'PROTOBUF') return schema;
  try {
    return JSON.stringify(JSON.parse(schema), null, 2);
  } catch {
    return schema;
  }
}

/** A run of text and what highlight.js calls it ("string", "attr", "keyword"…; null for plain). */
export interface Token {
  text: string;
  kind: string | null;
}

interface HastNode {
  type: string;
  value?: string;
  properties?: { className?: unknown };
  children?: HastNode[];
}

function flatten(node: HastNode, kind: string | null, into: Token[]) {
  if (node.type === 'text') {
    if (node.value) into.push({ text: node.value, kind });
    return;
  }
  const classes = Array.isArray(node.properties?.className) ? (node.properties.className as string[]) : [];
  const own = classes.find((c) => c.startsWith('hljs-'))?.slice('hljs-'.length) ?? kind;
  for (const child of node.children ?? []) flatten(child, own, into);
}

/** The schema's tokens, whose texts put together are exactly `text`. */
export function highlightSchema(text: string, schemaType: SchemaType | null): Token[] {
  if (text.length > MAX_HIGHLIGHTED_CHARS) return [{ text, kind: null }];
  const tree = lowlight.highlight(schemaType === 'PROTOBUF' ? 'protobuf' : 'json', text) as HastNode;
  const tokens: Token[] = [];
  flatten(tree, null, tokens);
  return tokens;
}
