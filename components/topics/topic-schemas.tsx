'use client';

import Link from 'next/link';
import { ApiRequestError } from '@/lib/api/fetch';
import { useSchemaVersion } from '@/lib/api/schema-registry';
import { subjectHref, topicSubjects } from '@/lib/schema-registry-links';
import { schemaTypeLabel } from '@/lib/schema-text';

/**
 * The registry subjects bound to the topic's keys and values by the default TopicNameStrategy
 * (`<topic>-key`, `<topic>-value`), linked to their pages. Nothing when the cluster has no registry
 * or neither subject exists.
 */
export function TopicSchemas({ cluster, topic }: { cluster: string; topic: string }) {
  const subjects = topicSubjects(topic);
  const key = useSchemaVersion(cluster, subjects.key, 'latest');
  const value = useSchemaVersion(cluster, subjects.value, 'latest');
  const bound = [
    { role: 'Key', subject: subjects.key, query: key },
    { role: 'Value', subject: subjects.value, query: value },
  ].filter((b) => b.query.data);
  const down = [key.error, value.error].find((e) => e instanceof ApiRequestError && e.code === 'SCHEMA_REGISTRY_UNAVAILABLE');
  if (!bound.length && !down) return null;
  return (
    <section aria-label="Schemas" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <span className="text-slate-600">Schemas:</span>
      {bound.map(({ role, subject, query }) => (
        <span key={role}>
          {role}{' '}
          <Link href={subjectHref(cluster, subject, { version: query.data!.version })} className="font-mono text-indigo-700 hover:underline">
            {subject}
          </Link>{' '}
          <span className="text-slate-500">
            v{query.data!.version} · {schemaTypeLabel(query.data!.schemaType)}
          </span>
        </span>
      ))}
      {down ? <span className="text-amber-800">schema registry unavailable</span> : null}
    </section>
  );
}
