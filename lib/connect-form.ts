import type { ConnectConfigField, ConnectValidation } from '@/lib/types/connect';

/** How a field is typed in: Connect's PASSWORD values hidden, BOOLEANs picked, the rest as text (Connect checks it). */
export type FieldInput = 'text' | 'password' | 'boolean';

export interface FormField {
  name: string;
  displayName: string;
  type: string;
  input: FieldInput;
  required: boolean;
  /** Shown as the placeholder: what Connect uses when the field is left empty. */
  defaultValue: string | null;
  documentation: string;
  importance: string;
  recommendedValues: string[];
  errors: string[];
}

export interface FormGroup {
  name: string;
  fields: FormField[];
}

/** Connect gives a plugin's own settings (a file connector's `file`, `topic`) no group: they are listed first, under this name. */
export const PLUGIN_GROUP = 'Connector';

/** Fields the create form asks for on their own (the name box and the plugin picker), not inside the groups. */
export const OWN_INPUT_FIELDS: ReadonlySet<string> = new Set(['name', 'connector.class']);

function inputOf(type: string): FieldInput {
  if (type === 'PASSWORD') return 'password';
  if (type === 'BOOLEAN') return 'boolean';
  return 'text';
}

function formField(field: ConnectConfigField): FormField {
  return {
    name: field.name,
    displayName: field.displayName || field.name,
    type: field.type,
    input: inputOf(field.type),
    required: field.required,
    defaultValue: field.defaultValue,
    documentation: field.documentation,
    importance: field.importance,
    recommendedValues: field.recommendedValues,
    errors: field.errors,
  };
}

/**
 * Connect's validate answer as the form shows it: the plugin's own fields first, then Connect's groups in
 * the order it lists them (any group it did not list after those), each group's fields by their order in
 * it (ties keep Connect's order). Hidden fields and the name/class (asked for separately) are left out. Pure.
 */
export function formModel(validation: Pick<ConnectValidation, 'groups' | 'fields'>): FormGroup[] {
  const groups = new Map<string, { field: ConnectConfigField; index: number }[]>([[PLUGIN_GROUP, []]]);
  for (const name of validation.groups) if (!groups.has(name)) groups.set(name, []);
  validation.fields.forEach((field, index) => {
    if (!field.visible || OWN_INPUT_FIELDS.has(field.name)) return;
    const group = field.group ?? PLUGIN_GROUP;
    const members = groups.get(group) ?? [];
    members.push({ field, index });
    groups.set(group, members);
  });
  return [...groups]
    .filter(([, members]) => members.length > 0)
    .map(([name, members]) => ({
      name,
      fields: members.sort((a, b) => a.field.order - b.field.order || a.index - b.index).map((m) => formField(m.field)),
    }));
}

/**
 * The config to send from the form's values: an empty value of a field that is not required is dropped
 * (Connect then uses its default); a required one is kept, so Connect names what is wrong with it. Keys
 * the definition does not know (typed in the JSON editor, or a transform's settings) are kept when not
 * empty. Built without a prototype: keys are user data. Pure.
 */
export function formConfig(fields: Pick<ConnectConfigField, 'name' | 'required'>[], values: Record<string, string>): Record<string, string> {
  const required = new Set(fields.filter((f) => f.required).map((f) => f.name));
  const config = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(values)) {
    if (value.trim() === '' && !required.has(key)) continue;
    config[key] = value;
  }
  return config;
}

/** The values not shown by any field of the form (kept and sent as they are; listed so they are not hidden). Pure. */
export function extraSettings(groups: FormGroup[], values: Record<string, string>): [string, string][] {
  const shown = new Set<string>(OWN_INPUT_FIELDS);
  for (const group of groups) for (const field of group.fields) shown.add(field.name);
  return Object.entries(values)
    .filter(([key]) => !shown.has(key))
    .sort(([a], [b]) => a.localeCompare(b));
}
