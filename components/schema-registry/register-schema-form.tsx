'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { failureMessage } from '@/lib/api/fetch';
import { useRegisterSchema } from '@/lib/api/schema-registry';
import { prettySchema } from '@/lib/schema-text';
import { SCHEMA_TYPES, type RegisterSchemaResult, type SchemaReference, type SchemaType, type SchemaVersion } from '@/lib/types/schema-registry';

/**
 * A new version of the subject, started from the latest one. The registry checks it against the
 * subject's compatibility level; its refusal is shown as it said it.
 */
export function RegisterSchemaForm({
  cluster,
  subject,
  latest,
  onRegistered,
}: {
  cluster: string;
  subject: string;
  latest: SchemaVersion | null;
  onRegistered: (result: RegisterSchemaResult) => void;
}) {
  const [schemaType, setSchemaType] = useState<SchemaType>(latest?.schemaType ?? 'AVRO');
  const [schema, setSchema] = useState(latest ? prettySchema(latest.schema, latest.schemaType) : '');
  const [references, setReferences] = useState(latest?.references.length ? JSON.stringify(latest.references, null, 2) : '');
  const [referencesProblem, setReferencesProblem] = useState<string | null>(null);
  const register = useRegisterSchema(cluster, subject);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    let parsed: SchemaReference[] = [];
    if (references.trim()) {
      try {
        parsed = JSON.parse(references) as SchemaReference[];
      } catch (error) {
        setReferencesProblem(`References are not valid JSON: ${(error as Error).message}`);
        return;
      }
    }
    setReferencesProblem(null);
    // mutateAsync, not mutate's onSuccess: the refetch after registering may unmount this form
    // (the page reads the new latest version), and mutate's callbacks die with it.
    register.mutateAsync({ schema, schemaType, references: parsed }).then(onRegistered, () => {
      // Shown from register.error.
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Register a new version">
      <label className="block text-sm">
        Schema type
        <select value={schemaType} onChange={(e) => setSchemaType(e.target.value as SchemaType)} className="ml-2 rounded border border-slate-300 px-2 py-1.5">
          {SCHEMA_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        Schema
        <textarea
          value={schema}
          onChange={(e) => setSchema(e.target.value)}
          rows={16}
          spellCheck={false}
          className="mt-1 w-full rounded border border-slate-300 p-2 font-mono text-xs focus:outline-none focus:ring-2 focus:ring-indigo-400"
        />
      </label>
      <label className="block text-sm">
        References (JSON list of {'{ "name", "subject", "version" }'}, optional)
        <textarea
          value={references}
          onChange={(e) => setReferences(e.target.value)}
          rows={3}
          spellCheck={false}
          className="mt-1 w-full rounded border border-slate-300 p-2 font-mono text-xs focus:outline-none focus:ring-2 focus:ring-indigo-400"
        />
      </label>
      <ErrorText>{referencesProblem ?? (register.error ? failureMessage('register the schema', register.error) : null)}</ErrorText>
      <Button type="submit" variant="primary" disabled={register.isPending || !schema.trim()}>
        {register.isPending ? 'Registering…' : 'Register version'}
      </Button>
    </form>
  );
}
