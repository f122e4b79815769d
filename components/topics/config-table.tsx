import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { configValueInWords } from '@/lib/format';
import type { ConfigEntry } from '@/lib/types/topics';

const SOURCE_LABEL: Record<string, string> = {
  DYNAMIC_TOPIC_CONFIG: 'topic override',
  DYNAMIC_BROKER_CONFIG: 'broker (dynamic)',
  DYNAMIC_DEFAULT_BROKER_CONFIG: 'cluster default (dynamic)',
  STATIC_BROKER_CONFIG: 'server.properties',
  DEFAULT_CONFIG: 'Kafka default',
  DYNAMIC_BROKER_LOGGER_CONFIG: 'logger',
  UNKNOWN: 'unknown',
};

/** Configs with value, human-readable form, source; sensitive values masked. `onEdit` adds edit buttons. */
export function ConfigTable({ configs, filter, onEdit }: { configs: ConfigEntry[]; filter: string; onEdit?: (entry: ConfigEntry) => void }) {
  const shown = configs.filter((c) => c.name.includes(filter.trim().toLowerCase()));
  return (
    <DataTable caption="Configuration" columns={['Name', 'Value', 'Source', onEdit ? { label: <span className="sr-only">Actions</span> } : null]}>
      <tbody>
        {shown.map((c) => {
          const human = configValueInWords(c.name, c.value);
          return (
            <tr key={c.name} data-testid={`config-${c.name}`} className={`border-t border-slate-100 ${c.isDefault ? '' : 'bg-indigo-50/50'}`}>
              <td className="px-3 py-1.5 font-mono">{c.name}</td>
              <td className="px-3 py-1.5 font-mono break-all">
                {c.isSensitive ? <span className="text-slate-400">•••••• (sensitive)</span> : (c.value ?? <span className="text-slate-400">null</span>)}
                {human ? <span className="ml-2 font-sans text-slate-500">({human})</span> : null}
              </td>
              <td className="px-3 py-1.5">
                {c.isDefault ? <span className="text-slate-500">{SOURCE_LABEL[c.source]}</span> : <Badge tone="info">{SOURCE_LABEL[c.source]}</Badge>}
              </td>
              {onEdit ? (
                <td className="px-3 py-1.5 text-right">
                  {c.readOnly || c.isSensitive ? null : (
                    <button type="button" onClick={() => onEdit(c)} className="text-indigo-700 hover:underline" aria-label={`Edit ${c.name}`}>
                      Edit
                    </button>
                  )}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
