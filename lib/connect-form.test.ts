import { describe, expect, it } from 'vitest';
import type { ConnectConfigField } from '@/lib/types/connect';
import { extraSettings, formConfig, formModel, PLUGIN_GROUP } from './connect-form';

/** A field as Connect 4.3.1's validate answer describes it for FileStreamSourceConnector (trimmed). */
const field = (name: string, group: string | null, order: number, extra: Partial<ConnectConfigField> = {}): ConnectConfigField => ({
  name,
  group,
  order,
  type: 'STRING',
  required: false,
  defaultValue: null,
  importance: 'HIGH',
  documentation: `${name} docs`,
  displayName: name,
  dependents: [],
  value: null,
  recommendedValues: [],
  visible: true,
  errors: [],
  ...extra,
});

const validation = {
  groups: ['Common', 'Transforms', 'Error Handling', 'offsets.topic'],
  fields: [
    field('name', 'Common', 1, { required: true, displayName: 'Connector name' }),
    field('connector.class', 'Common', 2, { required: true }),
    field('tasks.max', 'Common', 4, {
      type: 'INT',
      defaultValue: '1',
      displayName: 'Tasks max',
      errors: ['Invalid value 0 for configuration tasks.max: Value must be at least 1'],
    }),
    field('key.converter', 'Common', 6, { type: 'CLASS', recommendedValues: ['org.apache.kafka.connect.storage.StringConverter'] }),
    field('tasks.max.enforce', 'Common', 5, { type: 'BOOLEAN', defaultValue: 'true' }),
    field('errors.tolerance', 'Error Handling', 3),
    field('errors.retry.timeout', 'Error Handling', 1, { type: 'LONG' }),
    field('hidden.one', 'Error Handling', 2, { visible: false }),
    field('file', null, -1),
    field('topic', null, -1, { required: true }),
    field('ssl.key.password', 'Security', 1, { type: 'PASSWORD' }),
  ],
};

describe('formModel', () => {
  const groups = formModel(validation);

  it("puts the plugin's own fields first, then Connect's groups in its order, then groups it did not list", () => {
    expect(groups.map((g) => g.name)).toEqual([PLUGIN_GROUP, 'Common', 'Error Handling', 'Security']);
  });

  it('orders fields by their order in the group, keeping Connect’s order for ties', () => {
    expect(groups[0].fields.map((f) => f.name)).toEqual(['file', 'topic']);
    expect(groups[1].fields.map((f) => f.name)).toEqual(['tasks.max', 'tasks.max.enforce', 'key.converter']);
    expect(groups[2].fields.map((f) => f.name)).toEqual(['errors.retry.timeout', 'errors.tolerance']);
  });

  it('leaves out hidden fields, the name and the class (asked for apart), and empty groups', () => {
    const names = groups.flatMap((g) => g.fields.map((f) => f.name));
    expect(names).not.toContain('hidden.one');
    expect(names).not.toContain('name');
    expect(names).not.toContain('connector.class');
    expect(groups.map((g) => g.name)).not.toContain('Transforms');
  });

  it('carries what each input needs: required, default, help, suggestions, errors, password and boolean inputs', () => {
    const byName = new Map(groups.flatMap((g) => g.fields).map((f) => [f.name, f]));
    expect(byName.get('topic')).toMatchObject({ required: true, input: 'text' });
    expect(byName.get('tasks.max')).toMatchObject({
      displayName: 'Tasks max',
      defaultValue: '1',
      documentation: 'tasks.max docs',
      errors: ['Invalid value 0 for configuration tasks.max: Value must be at least 1'],
    });
    expect(byName.get('tasks.max.enforce')?.input).toBe('boolean');
    expect(byName.get('ssl.key.password')?.input).toBe('password');
    expect(byName.get('key.converter')?.recommendedValues).toEqual(['org.apache.kafka.connect.storage.StringConverter']);
  });
});

describe('formConfig', () => {
  it('drops empty values of fields that are not required and keeps required ones for Connect to name', () => {
    const config = formConfig(validation.fields, { 'connector.class': 'FileStreamSource', topic: '', file: '  ', 'tasks.max': '2', 'errors.tolerance': '' });
    expect({ ...config }).toEqual({ 'connector.class': 'FileStreamSource', topic: '', 'tasks.max': '2' });
  });

  it('keeps settings the definition does not know unless empty, and a key named __proto__ as data', () => {
    const values = Object.assign(Object.create(null) as Record<string, string>, { 'transforms.x.type': 'Y', 'other.empty': '' });
    Object.defineProperty(values, '__proto__', { value: 'p', enumerable: true });
    const config = formConfig(validation.fields, values);
    expect(Object.getPrototypeOf(config)).toBeNull();
    expect(Object.keys(config).sort()).toEqual(['__proto__', 'transforms.x.type']);
    // biome-ignore lint/suspicious/noProto: the own property called __proto__ is what is checked
    expect(config.__proto__).toBe('p');
  });
});

describe('extraSettings', () => {
  it('lists the values no field of the form shows, sorted, without the name and class', () => {
    const groups = formModel(validation);
    const values = { name: 'n', 'connector.class': 'c', topic: 't', 'topic.creation.default.partitions': '1', 'a.b': '2' };
    expect(extraSettings(groups, values)).toEqual([
      ['a.b', '2'],
      ['topic.creation.default.partitions', '1'],
    ]);
  });
});
