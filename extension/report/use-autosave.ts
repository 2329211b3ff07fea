import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReportFormDraft } from '../protocol/report-messages';
import { send } from '../protocol/send';

const DELAY_MS = 300;

/**
 * Saves the draft to the outbox database as the user types (a short debounce, and at once when the
 * page is hidden or closed), so a crash or a closed tab loses at most the last keystrokes.
 * Returns the time of the last save, or the save's error.
 */
export function useAutosave(draft: ReportFormDraft | null, active: boolean): { savedAt: number | null; error: string } {
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [error, setError] = useState('');
  const pending = useRef<ReportFormDraft | null>(null);
  const first = useRef(true);

  const save = async () => {
    const d = pending.current;
    pending.current = null;
    if (!d) return;
    try {
      await send('saveReportDraft', { draft: d });
      setSavedAt(Date.now());
      setError('');
    } catch (e) {
      setError(String(e));
    }
  };

  useEffect(() => {
    // The loaded draft is already saved (or is fresh and empty): save only what the user changes.
    if (first.current) {
      first.current = false;
      return;
    }
    if (!draft || !active) {
      pending.current = null;
      return;
    }
    pending.current = { ...draft, updatedAt: Date.now() };
    const timer = setTimeout(() => void save(), DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, active]);

  useEffect(() => {
    const now = () => void save();
    addEventListener('pagehide', now);
    const hidden = () => document.visibilityState === 'hidden' && now();
    document.addEventListener('visibilitychange', hidden);
    return () => {
      removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, []);

  return { savedAt, error };
}
