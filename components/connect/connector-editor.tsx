'use client';

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { useConfigValidation, useValidateConnectorConfig } from '@/lib/api/connect';
import { failureMessage } from '@/lib/api/fetch';
import { formConfig, formModel } from '@/lib/connect-form';
import { SECRET_MASK } from '@/lib/connect-secrets';
import { createCurlCommand, fieldErrors, parseConfigText, updateCurlCommand } from '@/lib/connect-view';
import type { ConnectPlugin } from '@/lib/types/connect';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { ConfigErrorList } from './config-error-list';
import { ConnectorConfigForm } from './connector-config-form';

const box = 'rounded border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-indigo-400';
/** Connect is asked again once typing pauses this long. */
const VALIDATE_DELAY_MS = 400;

const record = (entries: [string, string][]) => Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries(entries));

/**
 * Creates a connector (`existing` absent) or replaces an existing one's config: a form generated from
 * the plugin's definition, checked live by Connect (its errors beside their fields), or a raw JSON
 * editor; the equivalent curl command below. Nothing is sent until Connect accepts the config.
 */
export function ConnectorEditor({
  workerUrl,
  basicAuth,
  cluster,
  connect,
  plugins,
  existing,
  busy,
  failure,
  onSubmit,
}: {
  workerUrl: string;
  /** The worker wants basic auth: the curl command gets a `-u` with placeholders. */
  basicAuth?: boolean;
  cluster: string;
  connect: string;
  plugins: ConnectPlugin[];
  existing?: { name: string; config: Record<string, string> };
  busy: boolean;
  failure: string | null;
  onSubmit: (name: string, config: Record<string, string>) => void;
}) {
  const [name, setName] = useState(existing?.name ?? '');
  const [values, setValues] = useState<Record<string, string>>(() =>
    record(Object.entries(existing?.config ?? { 'connector.class': plugins[0]?.class ?? '' })),
  );
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [jsonText, setJsonText] = useState('');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [checked, setChecked] = useState(false);
  const checkNow = useValidateConnectorConfig(cluster, connect);

  const parsed = mode === 'json' ? parseConfigText(jsonText) : null;
  const config = parsed ? ('config' in parsed ? parsed.config : null) : values;
  const pluginClass = config?.['connector.class'] ?? values['connector.class'] ?? '';
  // Connect's validate wants `name` inside the config: the name's problems come back with the others.
  const body = config ? JSON.stringify(Object.entries({ ...config, name: name.trim() })) : '';
  const settled = useDebouncedValue(body, VALIDATE_DELAY_MS);
  const settledConfig = useMemo(() => record(settled ? JSON.parse(settled) : []), [settled]);
  const live = useConfigValidation(cluster, connect, settled ? (settledConfig['connector.class'] ?? '') : '', settledConfig);
  const validation = live.data;
  const groups = useMemo(() => (validation ? formModel(validation) : []), [validation]);
  const fields = validation?.fields ?? [];
  const toSend = config ? formConfig(fields, config) : null;
  const errors = validation ? fieldErrors(validation.fields) : new Map<string, string[]>();
  const current = settled === body && !live.isPlaceholderData && !live.isFetching;
  const shown = (key: string) => checked || touched.has(key);

  const change = (key: string, value: string) => {
    setValues((old) => record([...Object.entries(old).filter(([k]) => k !== key), [key, value]]));
    setTouched((old) => new Set(old).add(key));
  };
  const pickPlugin = (cls: string) => {
    setValues(record([['connector.class', cls]]));
    setJsonText(JSON.stringify({ 'connector.class': cls }, null, 2));
    setTouched(new Set());
    setChecked(false);
  };
  const switchMode = () => {
    if (mode === 'form') {
      setJsonText(JSON.stringify(toSend ?? values, null, 2));
      setMode('json');
    } else if (config) {
      setValues(config);
      setMode('form');
    }
  };
  const submit = async () => {
    setChecked(true);
    if (!toSend || !pluginClass) return;
    const result = await checkNow.mutateAsync({ pluginClass, config: { ...toSend, name: name.trim() } }).catch(() => null);
    if (result && result.errorCount === 0) onSubmit(name.trim(), toSend);
  };

  const errorCount = validation?.errorCount ?? 0;
  return (
    <div className="space-y-4">
      <label className="block space-y-1 text-sm">
        <span className="font-medium">Name</span>
        <input
          aria-label="Connector name"
          value={name}
          readOnly={Boolean(existing)}
          onChange={(e) => setName(e.target.value)}
          aria-describedby="connector-name-errors"
          className={`${box} block w-full font-mono`}
        />
        <span id="connector-name-errors" className="block text-red-700">
          {checked || name ? (errors.get('name') ?? []).join('; ') : ''}
        </span>
      </label>
      <label className="block space-y-1 text-sm">
        <span className="font-medium">Plugin</span>
        <select
          aria-label="Plugin"
          value={pluginClass}
          disabled={Boolean(existing)}
          onChange={(e) => pickPlugin(e.target.value)}
          className={`${box} block w-full`}
        >
          {pluginClass && !plugins.some((p) => p.class === pluginClass) ? <option value={pluginClass}>{pluginClass}</option> : null}
          {plugins.map((p) => (
            <option key={p.class} value={p.class}>
              {p.class} ({p.type} {p.version})
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-3 text-sm">
        <Button onClick={switchMode} disabled={mode === 'json' && !config}>
          {mode === 'form' ? 'Edit as JSON' : 'Edit as form'}
        </Button>
        <span role="status" className="text-slate-600">
          {live.isFetching || settled !== body
            ? 'Checking with Connect…'
            : validation && current
              ? `Connect reports ${errorCount} error${errorCount === 1 ? '' : 's'}`
              : ''}
        </span>
      </div>
      {mode === 'json' ? (
        <label className="block space-y-1 text-sm">
          <span className="font-medium">Config (JSON)</span>
          <textarea
            aria-label="Config JSON"
            value={jsonText}
            onChange={(e) => setJsonText(e.target.value)}
            rows={14}
            spellCheck={false}
            className={`${box} block w-full font-mono`}
          />
          <ErrorText>{parsed && 'problem' in parsed ? parsed.problem : null}</ErrorText>
        </label>
      ) : validation ? (
        <ConnectorConfigForm groups={groups} values={values} shownErrors={shown} onChange={change} />
      ) : null}
      <ErrorText>{live.error ? failureMessage('check the config with Connect', live.error) : null}</ErrorText>
      {checked && validation && current ? <ConfigErrorList validation={validation} /> : null}
      <div className="flex gap-2">
        <Button onClick={() => setChecked(true)} disabled={!config}>
          Validate
        </Button>
        <Button variant="primary" onClick={submit} disabled={!config || !name.trim() || checkNow.isPending || busy}>
          {existing ? 'Save config' : 'Create connector'}
        </Button>
      </div>
      <ErrorText>{checkNow.error ? failureMessage('validate the config', checkNow.error) : null}</ErrorText>
      <ErrorText>{failure}</ErrorText>
      {toSend ? (
        <section aria-label="curl command" className="space-y-1">
          <h2 className="text-sm font-medium">The same with curl</h2>
          {Object.values(toSend).includes(SECRET_MASK) ? (
            <p className="text-xs text-slate-600">Secrets show as {SECRET_MASK}: put their values in before running it.</p>
          ) : null}
          <pre className="overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">
            {existing ? updateCurlCommand(workerUrl, existing.name, toSend, basicAuth) : createCurlCommand(workerUrl, name.trim(), toSend, basicAuth)}
          </pre>
        </section>
      ) : null}
    </div>
  );
}
