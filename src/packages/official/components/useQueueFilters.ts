/** The complaint queue's filters (status, 只看超期, 督办件, category, and the desk's search words) as the queue call's input. */
import { useMemo, useState } from 'react';
import type { ComplaintCategory, ComplaintStatus } from '@core/complaint/model';
import type { QueueInput } from '../../../services/complaints-admin';

export function useQueueFilters(q = '') {
  const [status, setStatus] = useState<ComplaintStatus | 'all'>('all');
  const [overdue, setOverdue] = useState(false);
  const [escalated, setEscalated] = useState(false);
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const filters = useMemo<QueueInput>(
    () => ({
      status: status === 'all' ? undefined : status,
      overdue: overdue || undefined,
      escalated: escalated || undefined,
      category: category ?? undefined,
      q: q || undefined,
    }),
    [status, overdue, escalated, category, q],
  );
  return { status, setStatus, overdue, setOverdue, escalated, setEscalated, category, setCategory, filters };
}
