import { Alert } from '@/components/ui/alert';
import { ApiRequestError } from '@/lib/api/fetch';

/** A failed registry request as the pages show it: not configured, down, or the registry's own refusal. */
export function RegistryError({ error, what }: { error: unknown; what: string }) {
  const code = error instanceof ApiRequestError ? error.code : null;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SCHEMA_REGISTRY_NOT_CONFIGURED')
    return (
      <Alert tone="info" title="No schema registry configured">
        {message}
      </Alert>
    );
  if (code === 'SCHEMA_REGISTRY_UNAVAILABLE')
    return (
      <Alert tone="danger" title="The schema registry does not answer">
        {message}
      </Alert>
    );
  return (
    <Alert tone={error instanceof ApiRequestError && error.status === 404 ? 'warn' : 'danger'} title={`Failed to read ${what}`}>
      {message}
    </Alert>
  );
}
