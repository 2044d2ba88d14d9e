/**
 * The boxes and the reason of a settings editor. They start from the view and start over whenever a
 * fresh view arrives (after a save or a region switch); otherwise what is being typed stays.
 */
import { useEffect, useState } from 'react';
import type { SettingsView } from '../../../services/settings';

export function useViewDraft(v: SettingsView, initial: () => Record<string, string>, onFresh?: () => void) {
  const [draft, setDraft] = useState<Record<string, string>>(initial);
  const [reason, setReason] = useState('');
  useEffect(() => {
    setDraft(initial());
    setReason('');
    onFresh?.();
  }, [v]);
  return { draft, setDraft, reason, setReason };
}
