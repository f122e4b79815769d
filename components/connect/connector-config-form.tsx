'use client';

import { extraSettings, PLUGIN_GROUP, type FormGroup } from '@/lib/connect-form';
import { ConfigFieldInput } from './config-field-input';

/** Groups opened from the start: the plugin's own settings and Connect's common ones; the others open when they hold an error. */
const OPEN_GROUPS = new Set([PLUGIN_GROUP, 'Common']);

/**
 * The config form generated from the plugin's definition (one collapsible section per group), and the
 * settings no field shows (kept as they are; edited in the JSON editor).
 */
export function ConnectorConfigForm({
  groups,
  values,
  shownErrors,
  onChange,
}: {
  groups: FormGroup[];
  values: Record<string, string>;
  /** The fields whose errors show (touched ones, or all once the user asked for a check). */
  shownErrors: (name: string) => boolean;
  onChange: (name: string, value: string) => void;
}) {
  const extras = extraSettings(groups, values);
  return (
    <div className="space-y-3">
      {groups.map((group) => {
        const failing = group.fields.some((f) => f.errors.length && shownErrors(f.name));
        return (
          <details key={group.name} open={OPEN_GROUPS.has(group.name) || failing} className="rounded border border-slate-200">
            <summary className="cursor-pointer px-3 py-2 text-sm font-semibold">
              {group.name} <span className="font-normal text-slate-500">({group.fields.length})</span>
              {failing ? <span className="ml-2 font-normal text-red-700">has errors</span> : null}
            </summary>
            <div role="group" aria-label={`${group.name} settings`} className="grid gap-4 border-t border-slate-200 p-3 md:grid-cols-2">
              {group.fields.map((field) => (
                <ConfigFieldInput
                  key={field.name}
                  field={field}
                  value={values[field.name] ?? ''}
                  showErrors={shownErrors(field.name)}
                  onChange={(value) => onChange(field.name, value)}
                />
              ))}
            </div>
          </details>
        );
      })}
      {extras.length ? (
        <section aria-label="Other settings" className="space-y-1 rounded border border-slate-200 p-3 text-sm">
          <h3 className="font-semibold">
            Other settings <span className="font-normal text-slate-500">(not in the plugin&apos;s definition; edit them as JSON)</span>
          </h3>
          <ul className="font-mono text-xs">
            {extras.map(([key, value]) => (
              <li key={key} className="break-all">
                {key} = {value}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
