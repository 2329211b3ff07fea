import type { Level } from '../../src/types';
import type { PictureEngineStatus } from '../protocol/messages';
import type { T } from './i18n';

/** Licence pictures being read for the page: how many, and the reader's first model load, if under way. */
export interface PictureReadingView {
  pictures: number;
  /** The reader's status (getPictureStatus), once asked; null before. */
  engine: PictureEngineStatus | null;
}

/**
 * "正在识别执照图片（1 张）…", with the first model load's progress: the page's own findings are
 * shown already, the picture's join them when read. The progress bar sits outside the live region,
 * so screen readers hear the reading once, not every percent.
 */
export function ReadingNote({ reading, t, hint = true }: { reading: PictureReadingView; t: T; hint?: boolean }) {
  const loading = reading.engine?.phase === 'loading';
  const percent = Math.round(Math.max(0, Math.min(1, reading.engine?.progress ?? 0)) * 100);
  return (
    <div class="lz-reading" data-reading={reading.pictures}>
      <span class="lz-reading-dot" aria-hidden="true" />
      <div class="lz-reading-text">
        {/* Where the heading says it already (hint off), only screen readers hear it here. */}
        <div class={hint ? 'lz-reading-title' : 'lz-reading-title lz-reading-sr'} role="status">
          {t('picturesReading', reading.pictures)}
        </div>
        {!hint && !loading && <div>{t('picturesReadingWait')}</div>}
        {loading && (
          <div class="lz-reading-model" data-progress={percent}>
            <span>{t('picturesModelLoading', percent)}</span>
            <progress max={100} value={percent} aria-label={t('picturesModelLabel')} />
          </div>
        )}
        {hint && <div class="lz-reading-hint">{t('picturesPageFirst')}</div>}
      </div>
    </div>
  );
}

/**
 * The heading's words while pictures are read on a page whose text showed no licence: "未读取到证照"
 * would be premature (the picture may be the licence), so it says the picture is being read.
 */
export function headingWhileReading<H extends { title: string; hint: string; detail: string | null }>(level: Level, reading: PictureReadingView | null | undefined, text: H, t: T): H {
  return level === 'none' && reading ? { ...text, title: t('picturesReading', reading.pictures), hint: t('picturesPageFirst'), detail: null } : text;
}
