import { describe, expect, it } from 'vitest';
import { diffSchemas } from './schema-diff';
import { filterSubjects, subjectHref, topicSubjects } from './schema-registry-links';
import { highlightSchema, MAX_HIGHLIGHTED_CHARS, prettySchema } from './schema-text';

const avro = '{"type":"record","name":"A","fields":[{"name":"a","type":"string"}]}';

describe('prettySchema', () => {
  it('indents Avro and JSON Schema, and leaves Protobuf and unparsable text as written', () => {
    expect(prettySchema(avro, 'AVRO')).toBe(JSON.stringify(JSON.parse(avro), null, 2));
    expect(prettySchema('{"type":"object"}', 'JSON')).toBe('{\n  "type": "object"\n}');
    expect(prettySchema('syntax = "proto3";\nmessage M {}', 'PROTOBUF')).toBe('syntax = "proto3";\nmessage M {}');
    expect(prettySchema('{oops', 'AVRO')).toBe('{oops');
  });
});

describe('highlightSchema', () => {
  it('cuts a schema into tokens that give back exactly its text, markup included, as text', () => {
    const text = prettySchema('{"doc":"<img src=x onerror=alert(1)>","type":"string","n":1}', 'AVRO');
    const tokens = highlightSchema(text, 'AVRO');
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    expect(tokens).toContainEqual({ text: '"<img src=x onerror=alert(1)>"', kind: 'string' });
    expect(tokens).toContainEqual({ text: '"doc"', kind: 'attr' });
    expect(tokens).toContainEqual({ text: '1', kind: 'number' });
  });

  it('highlights Protobuf keywords and types', () => {
    const text = 'syntax = "proto3";\nmessage Order { string id = 1; }\n';
    const tokens = highlightSchema(text, 'PROTOBUF');
    expect(tokens.map((t) => t.text).join('')).toBe(text);
    expect(tokens.find((t) => t.text.startsWith('message'))?.kind).toBe('keyword');
    expect(tokens).toContainEqual({ text: 'string', kind: 'type' });
  });

  it('shows a huge schema plain', () => {
    const huge = `"${'x'.repeat(MAX_HIGHLIGHTED_CHARS)}"`;
    expect(highlightSchema(huge, 'AVRO')).toEqual([{ text: huge, kind: null }]);
  });
});

describe('diffSchemas', () => {
  it('shows the added field, not the re-indentation', () => {
    const newer = JSON.stringify(
      {
        type: 'record',
        name: 'A',
        fields: [
          { name: 'a', type: 'string' },
          { name: 'b', type: 'int', default: 0 },
        ],
      },
      null,
      4,
    );
    const diff = diffSchemas({ schema: avro, schemaType: 'AVRO' }, { schema: newer, schemaType: 'AVRO' });
    expect(diff.added).toBeGreaterThanOrEqual(5);
    expect(diff.removed).toBeLessThanOrEqual(1);
    expect(diff.lines.filter((l) => l.kind === 'added').map((l) => l.text.trim())).toEqual(
      expect.arrayContaining(['"name": "b",', '"type": "int",', '"default": 0']),
    );
    expect(diff.lines.filter((l) => l.kind === 'same').map((l) => l.text.trim())).toEqual(expect.arrayContaining(['"name": "a",', '"type": "string"']));
    // Either side is the lines of its kind and the unchanged ones, in order.
    expect(
      diff.lines
        .filter((l) => l.kind !== 'added')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(prettySchema(avro, 'AVRO'));
    expect(
      diff.lines
        .filter((l) => l.kind !== 'removed')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(prettySchema(newer, 'AVRO'));
  });

  it('finds nothing between a schema and itself reformatted', () => {
    const diff = diffSchemas({ schema: avro, schemaType: 'AVRO' }, { schema: JSON.stringify(JSON.parse(avro), null, 8), schemaType: 'AVRO' });
    expect({ added: diff.added, removed: diff.removed }).toEqual({ added: 0, removed: 0 });
  });
});

describe('links', () => {
  it('encodes subjects as one path segment and keeps the view in the query', () => {
    expect(subjectHref('local', 'a/b %?', { version: 2, compare: 1 })).toBe('/clusters/local/schema-registry/subjects/a%2Fb%20%25%3F?version=2&compare=1');
    expect(subjectHref('local', '__proto__')).toBe('/clusters/local/schema-registry/subjects/__proto__');
  });

  it('binds <topic>-key and <topic>-value to a topic, and searches names as plain text', () => {
    expect(topicSubjects('orders')).toEqual({ key: 'orders-key', value: 'orders-value' });
    const rows = ['orders-value', 'Orders-key', 'payments-value', 'a.*b'].map((subject) => ({
      subject,
      latestVersion: 1,
      schemaType: 'AVRO' as const,
      compatibility: null,
    }));
    expect(filterSubjects(rows, 'ORDERS').map((r) => r.subject)).toEqual(['orders-value', 'Orders-key']);
    expect(filterSubjects(rows, '.*').map((r) => r.subject)).toEqual(['a.*b']);
    expect(filterSubjects(rows, '  ')).toHaveLength(4);
  });
});
