import 'server-only';
import type { ProduceSubjects } from '@/lib/types/produce-schema';
import { clusterConfig } from '../clients';
import { registryRequest, toApiError } from './client';

/**
 * The registry's subjects, for the produce form's schema choice, with the topic's own value and key
 * subjects (TopicNameStrategy: `<topic>-value`, `<topic>-key`) when they exist. A cluster without a
 * registry answers `configured: false` rather than an error: the form then offers text only.
 */
export async function subjectsForProduce(cluster: string, topic: string): Promise<ProduceSubjects> {
  const config = clusterConfig(cluster).schemaRegistry;
  if (!config) return { configured: false, subjects: [], valueSubject: null, keySubject: null };
  let subjects: string[];
  try {
    subjects = await registryRequest<string[]>(config, '/subjects');
  } catch (error) {
    throw toApiError(error);
  }
  const sorted = [...subjects].sort();
  const has = new Set(sorted);
  const own = (suffix: string) => (has.has(`${topic}-${suffix}`) ? `${topic}-${suffix}` : null);
  return { configured: true, subjects: sorted, valueSubject: own('value'), keySubject: own('key') };
}
