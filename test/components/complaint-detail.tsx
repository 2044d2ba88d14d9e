/** The complainant's case page (pages/complaint/detail) rendered over a served case, for the component tests. */
import { render, waitFor } from '@testing-library/react';
import type { ComplaintView } from '@core/complaint/api';
import ComplaintDetailPage from '@/pages/complaint/detail/index';
import { serve } from './feedback-support';

/** Serve `view` as complaints.get (and the `extra` handlers), render the page, wait for the case; `$` queries it. */
export async function openComplaintDetail(view: ComplaintView, extra: Parameters<typeof serve>[0] = {}) {
  const sent = serve({ 'complaints.get': () => view, ...extra });
  const r = render(<ComplaintDetailPage />);
  const $ = (s: string) => r.container.querySelector(s);
  await waitFor(() => expect($('#complaint-detail')).not.toBeNull());
  return { ...r, $, sent };
}
