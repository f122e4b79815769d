'use client';

import { useId } from 'react';
import type { FormField } from '@/lib/connect-form';

const input = 'block w-full rounded border px-2 py-1.5 font-mono text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400';

/**
 * One setting of a plugin's config definition: its display name and key, required mark, Connect's
 * default as the placeholder, its documentation as help, suggestions in a list, and Connect's errors
 * for it right below (tied to the input, so a screen reader reads them with it).
 */
export function ConfigFieldInput({
  field,
  value,
  showErrors,
  onChange,
}: {
  field: FormField;
  value: string;
  showErrors: boolean;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const errors = showErrors ? field.errors : [];
  const placeholder = field.defaultValue ? `default: ${field.defaultValue}` : undefined;
  const common = {
    id,
    name: field.name,
    value,
    'aria-required': field.required || undefined,
    'aria-invalid': errors.length > 0 || undefined,
    'aria-describedby': `${id}-errors ${id}-help`,
    className: `${input} ${errors.length ? 'border-red-500' : 'border-slate-300'}`,
  };
  return (
    <div className="space-y-1 text-sm">
      <label htmlFor={id} className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-medium">{field.displayName}</span>
        {field.displayName === field.name ? null : <code className="text-xs text-slate-600">{field.name}</code>}
        {/* The input says it is required (aria-required); the star is for the eye. */}
        {field.required ? (
          <span aria-hidden className="text-red-700" title="required">
            *
          </span>
        ) : null}
        <span className="text-xs text-slate-500" aria-hidden>
          {field.type.toLowerCase()}
        </span>
      </label>
      {field.input === 'boolean' ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.defaultValue ? `Default (${field.defaultValue})` : 'Not set'}</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <>
          <input
            {...common}
            type={field.input === 'password' ? 'password' : 'text'}
            autoComplete={field.input === 'password' ? 'new-password' : 'off'}
            spellCheck={false}
            placeholder={placeholder}
            list={field.recommendedValues.length ? `${id}-values` : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
          {field.recommendedValues.length ? (
            <datalist id={`${id}-values`}>
              {field.recommendedValues.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          ) : null}
        </>
      )}
      <ul id={`${id}-errors`} className="space-y-0.5 text-red-700">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      {field.documentation ? (
        <p id={`${id}-help`} className="text-xs text-slate-600">
          {field.documentation}
        </p>
      ) : null}
    </div>
  );
}
