'use client';

import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { useSchemaVersion } from '@/lib/api/schema-registry';
import { schemaTypeLabel } from '@/lib/schema-text';
import { RegistryError } from './registry-error';
import { SchemaCode } from './schema-code';
import { SchemaReferences } from './schema-references';

/** One version: id, type, the schema highlighted, its references, and deleting it. */
export function SchemaVersionPanel({
  cluster,
  subject,
  version,
  readOnly,
  onDelete,
}: {
  cluster: string;
  subject: string;
  version: number;
  readOnly: boolean;
  onDelete: (permanent: boolean) => void;
}) {
  const { data, error, isPending } = useSchemaVersion(cluster, subject, version);
  if (isPending) return <Loading label={`Reading version ${version}…`} />;
  if (!data) return <RegistryError error={error} what={`version ${version}`} />;
  return (
    <section aria-label={`Version ${version}`} className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>
          Version <strong className="tabular-nums">{data.version}</strong>
        </span>
        <span>
          Schema id{' '}
          <strong className="tabular-nums" data-testid="schema-id">
            {data.id}
          </strong>
        </span>
        <Badge tone="info">{schemaTypeLabel(data.schemaType)}</Badge>
        {data.deleted ? <Badge tone="warn">soft-deleted</Badge> : null}
        {readOnly ? null : (
          <div className="ml-auto flex gap-2">
            {data.deleted ? null : <Button onClick={() => onDelete(false)}>Soft-delete version</Button>}
            <Button variant="danger" onClick={() => onDelete(true)}>
              Delete version permanently
            </Button>
          </div>
        )}
      </div>
      <SchemaCode schema={data.schema} schemaType={data.schemaType} label={`Schema of version ${data.version}`} />
      <div>
        <h2 className="mb-1 text-sm font-semibold text-slate-700">References</h2>
        <SchemaReferences cluster={cluster} references={data.references} />
      </div>
    </section>
  );
}
