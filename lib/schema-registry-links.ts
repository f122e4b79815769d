import type { SubjectSummary } from '@/lib/types/schema-registry';

/** Where the registry pages live, and which subjects belong to a topic. Pure. */

const clusterBase = (cluster: string) => `/clusters/${encodeURIComponent(cluster)}/schema-registry`;

export const registryHref = (cluster: string) => clusterBase(cluster);

/** A subject page; `view` picks a version, a version to compare it with, or a tab. */
export function subjectHref(cluster: string, subject: string, view: { version?: number; compare?: number; tab?: string } = {}): string {
  const query = new URLSearchParams();
  if (view.tab) query.set('tab', view.tab);
  if (view.version !== undefined) query.set('version', String(view.version));
  if (view.compare !== undefined) query.set('compare', String(view.compare));
  const text = query.toString();
  return `${clusterBase(cluster)}/subjects/${encodeURIComponent(subject)}${text ? `?${text}` : ''}`;
}

/** The subjects Confluent's default TopicNameStrategy binds to a topic's keys and values. */
export function topicSubjects(topic: string): { key: string; value: string } {
  return { key: `${topic}-key`, value: `${topic}-value` };
}

/** Subjects whose name contains `query`, ignoring case (a plain substring, never a pattern). */
export function filterSubjects(subjects: SubjectSummary[], query: string): SubjectSummary[] {
  const needle = query.trim().toLowerCase();
  return needle ? subjects.filter((s) => s.subject.toLowerCase().includes(needle)) : subjects;
}
