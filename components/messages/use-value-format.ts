'use client';

import { useState } from 'react';
import { useProduceSubjects } from '@/lib/api/produce-schemas';
import type { ValueFormat } from '@/lib/produce-value';

/**
 * The produce form's value format: what the user chose, else a schema with `<topic>-value` when the
 * registry has that subject (the topic's records are written with it), else text.
 */
export function useValueFormat(cluster: string, topic: string) {
  const [chosen, setChosen] = useState<ValueFormat | null>(null);
  const subjects = useProduceSubjects(cluster, topic);
  const own = subjects.data?.valueSubject;
  const format: ValueFormat = chosen ?? (own ? { kind: 'schema', subject: own, version: '' } : { kind: 'text' });
  return { format, setFormat: setChosen, subjects };
}
