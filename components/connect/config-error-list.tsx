import { fieldErrors } from '@/lib/connect-view';
import type { ConnectValidation } from '@/lib/types/connect';

/** Every error Connect found, field by field (some sit in collapsed groups or in the JSON), or that it accepts the config. */
export function ConfigErrorList({ validation }: { validation: ConnectValidation }) {
  if (!validation.errorCount)
    return (
      <p role="status" className="text-sm text-emerald-700">
        Connect accepts this config.
      </p>
    );
  const errors = fieldErrors(validation.fields);
  return (
    <section aria-label="Config errors" className="space-y-1 rounded border border-red-300 bg-red-50 p-3 text-sm">
      <p className="font-semibold text-red-900">
        Connect found {validation.errorCount} error{validation.errorCount === 1 ? '' : 's'}:
      </p>
      <ul className="space-y-1">
        {[...errors].map(([key, messages]) => (
          <li key={key}>
            <span className="font-mono font-semibold">{key}</span>: {messages.join('; ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
