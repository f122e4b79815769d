'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { Tabs } from '@/components/ui/tabs';
import { useReadOnly } from '@/lib/api/clusters';
import { useSchemaVersion, useSubjectVersions } from '@/lib/api/schema-registry';
import { registryHref, subjectHref } from '@/lib/schema-registry-links';
import { CompatibilityControl } from './compatibility-control';
import { DeleteSchemaDialog } from './delete-schema-dialog';
import { RegisterSchemaForm } from './register-schema-form';
import { RegistryError } from './registry-error';
import { SchemaDiffPanel } from './schema-diff-panel';
import { SchemaVersionPanel } from './schema-version-panel';

const TABS = [
  { id: 'schema', label: 'Schema' },
  { id: 'diff', label: 'Diff' },
  { id: 'register', label: 'Register new version' },
];

type Deleting = { version: number | null; permanent: boolean };

/** A number from the URL, or null. */
const SELECTED = 'bg-indigo-600 text-white ring-indigo-600';
const UNSELECTED = 'ring-slate-300 hover:bg-slate-100';

const numberParam = (text: string | null) => (text && /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : null);

/** One subject: its versions, a version's schema, the diff of two versions, registering and deleting. All in the URL. */
export function SubjectView({ cluster, subject }: { cluster: string; subject: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const readOnly = useReadOnly();
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  const versions = useSubjectVersions(cluster, subject);
  const live = versions.data?.versions ?? [];
  const soft = versions.data?.softDeleted ?? [];
  const all = [...live, ...soft].sort((a, b) => a - b);
  const latest = live.at(-1) ?? soft.at(-1) ?? null;
  const asked = numberParam(searchParams.get('version'));
  const selected = asked !== null && all.includes(asked) ? asked : latest;
  const tab = TABS.some((t) => t.id === searchParams.get('tab')) ? searchParams.get('tab')! : 'schema';
  const latestVersion = useSchemaVersion(cluster, subject, live.at(-1) ?? null);

  const go = (view: { tab?: string; version?: number; compare?: number }) => router.replace(subjectHref(cluster, subject, view), { scroll: false });
  const hrefForTab = (id: string) => {
    const next = new URLSearchParams(searchParams.toString());
    next.set('tab', id);
    return `${pathname}?${next.toString()}`;
  };

  const crumbs = [
    { label: cluster, href: `/clusters/${encodeURIComponent(cluster)}` },
    { label: 'Schema registry', href: registryHref(cluster) },
    { label: subject },
  ];
  if (versions.isPending) return <Loading label={`Reading ${subject}…`} />;
  if (!versions.data) {
    return (
      <div className="space-y-4">
        <Breadcrumbs items={crumbs} />
        <RegistryError error={versions.error} what={`subject “${subject}”`} />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <Breadcrumbs items={crumbs} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="break-all font-mono text-xl font-semibold">{subject}</h1>
        {live.length === 0 ? <Badge tone="warn">soft-deleted</Badge> : null}
        {readOnly ? null : (
          <div className="ml-auto flex gap-2">
            {live.length ? <Button onClick={() => setDeleting({ version: null, permanent: false })}>Soft-delete subject</Button> : null}
            <Button variant="danger" onClick={() => setDeleting({ version: null, permanent: true })}>
              Delete subject permanently
            </Button>
          </div>
        )}
      </div>
      <CompatibilityControl cluster={cluster} subject={subject} readOnly={readOnly} />
      <nav aria-label="Versions" className="flex flex-wrap items-center gap-1 text-sm">
        <span className="mr-1 text-slate-600">Versions:</span>
        {all.map((v) => (
          <Link
            key={v}
            href={subjectHref(cluster, subject, { tab: tab === 'register' ? 'schema' : tab, version: v })}
            replace
            scroll={false}
            aria-current={v === selected ? 'page' : undefined}
            title={soft.includes(v) ? 'soft-deleted' : undefined}
            className={`rounded px-2 py-0.5 tabular-nums ring-1 ring-inset ${v === selected ? SELECTED : UNSELECTED} ${soft.includes(v) ? 'line-through' : ''}`}
          >
            {v}
          </Link>
        ))}
      </nav>
      <Tabs tabs={TABS.filter((t) => !(readOnly && t.id === 'register'))} active={tab} hrefFor={hrefForTab} />
      {tab === 'schema' && selected !== null ? (
        <SchemaVersionPanel
          cluster={cluster}
          subject={subject}
          version={selected}
          readOnly={readOnly}
          onDelete={(permanent) => setDeleting({ version: selected, permanent })}
        />
      ) : null}
      {tab === 'diff' ? (
        <SchemaDiffPanel
          cluster={cluster}
          subject={subject}
          versions={all}
          newer={selected}
          older={numberParam(searchParams.get('compare'))}
          onChange={(version, compare) => go({ tab: 'diff', version, compare })}
        />
      ) : null}
      {tab === 'register' && !readOnly ? (
        latestVersion.isPending && live.length ? (
          <Loading label="Reading the latest version…" />
        ) : (
          <RegisterSchemaForm
            cluster={cluster}
            subject={subject}
            latest={latestVersion.data ?? null}
            onRegistered={(result) =>
              go(
                latest !== null && result.version !== latest
                  ? { tab: 'diff', version: result.version, compare: latest }
                  : { tab: 'schema', version: result.version },
              )
            }
          />
        )
      ) : null}
      {deleting ? (
        <DeleteSchemaDialog
          cluster={cluster}
          subject={subject}
          version={deleting.version}
          permanent={deleting.permanent}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            if (deleting.version === null && deleting.permanent) router.push(registryHref(cluster));
            else go({ tab: 'schema' });
          }}
        />
      ) : null}
    </div>
  );
}
