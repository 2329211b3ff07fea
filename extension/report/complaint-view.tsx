import { useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import { complaintDraft12315 } from '../../src/reports/complaint-12315';
import type { Report } from '../../src/reports/report';
import type { T } from '../ui/i18n';
import { ExternalGlyph } from '../ui/icons';
import { copyFromPage } from '../ui/mount-page';

/** A ready complaint for 全国12315平台 (text and JSON) to copy; the user files it there themselves. */
export function ComplaintView({ report, lang, t }: { report: Report; lang: Lang; t: T }) {
  const [copied, setCopied] = useState('');
  if (report.kind !== 'suspect-shop' || !report.category) return null;
  const draft = complaintDraft12315(report, lang);
  const copy = async (what: 'text' | 'json') => {
    const ok = await copyFromPage(what === 'text' ? draft.text : JSON.stringify(draft.json, null, 2));
    setCopied(ok ? t('rpCopied') : t('rpCopyFailed'));
  };
  return (
    <section class="lz-box" aria-labelledby="lz-12315-h">
      <h2 id="lz-12315-h">{t('rp12315Title')}</h2>
      <p>{t('rp12315Help')}</p>
      <textarea class="lz-complaint" readOnly rows={10} aria-labelledby="lz-12315-h" value={draft.text} />
      <div class="lz-row lz-buttons">
        <button type="button" class="lz-secondary" onClick={() => void copy('text')}>
          {t('rp12315CopyText')}
        </button>
        <button type="button" class="lz-secondary" onClick={() => void copy('json')}>
          {t('rp12315CopyJson')}
        </button>
        <a class="lz-btn" href={draft.url} target="_blank" rel="noopener noreferrer">
          <ExternalGlyph />
          {t('rp12315Open')}
        </a>
        <span class="lz-saved" role="status" aria-live="polite">
          {copied}
        </span>
      </div>
    </section>
  );
}
