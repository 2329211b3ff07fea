import { useEffect, useState } from 'preact/hooks';
import type { PictureEngineStatus, TabVerdict } from '../protocol/messages';
import { send } from '../protocol/send';
import type { PictureReadingView } from '../ui/reading-note';

/** How often the popup asks again while the tab's pictures are being read. */
const POLL_MS = 500;

/**
 * The tab's verdict, asked again while its licence pictures are being read (the worker marks it,
 * `reading`), with the reader's first model load's progress: the popup shows "正在识别执照图片…"
 * and then, without being reopened, what the pictures showed.
 */
export function useReadingVerdict(initial: TabVerdict | null, tabId: number | null): { verdict: TabVerdict | null; reading: PictureReadingView | null } {
  const [verdict, setVerdict] = useState(initial);
  const [engine, setEngine] = useState<PictureEngineStatus | null>(null);
  useEffect(() => setVerdict(initial), [initial]);
  useEffect(() => {
    if (!verdict?.reading || tabId === null) return;
    let stopped = false;
    const timer = setTimeout(
      () =>
        void Promise.all([
          send('getTabVerdict', { tabId }),
          // Once loaded, the models stay loaded: no more progress to ask for.
          engine?.phase === 'ready' ? engine : send('getPictureStatus', {}).catch(() => engine),
        ]).then(
          ([next, status]) => {
            if (stopped) return;
            setEngine(status);
            setVerdict(next);
          },
          () => undefined,
        ),
      engine ? POLL_MS : 0,
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [verdict, tabId]);
  return { verdict, reading: verdict?.result && verdict.reading ? { pictures: verdict.reading.pictures, engine } : null };
}
