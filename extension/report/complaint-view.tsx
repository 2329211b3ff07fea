import { useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import { complaintDraft12315, type Purchase } from '../../src/reports/complaint-12315';
import type { Report } from '../../src/reports/report';
import type { T } from '../ui/i18n';
import { ExternalGlyph } from '../ui/icons';
import { copyFromPage } from '../ui/mount-page';

const NO_ORDER: Purchase = { bought: false, orderNumber: '', amount: '', orderDate: '' };

/**
 * A ready draft for 全国12315平台 to copy; the user files it there themselves. It asks first whether
 * the shopper bought something: a 投诉 needs the order (number, amount, date), a 举报 does not. The
 * order stays in this page (it is in no report). The JSON copy is for software: under "高级".
 */
export function ComplaintView({ report, lang, t }: { report: Report; lang: Lang; t: T }) {
  const [copied, setCopied] = useState('');
  const [purchase, setPurchase] = useState<Purchase & { answered: boolean }>({ ...NO_ORDER, answered: false });
  if (report.kind !== 'suspect-shop' || !report.category) return null;
  const draft = complaintDraft12315(report, lang, purchase);
  const change = (c: Partial<Purchase>) => setPurchase((p) => ({ ...p, ...c, answered: true }));
  const copy = async (what: 'text' | 'json') => {
    const ok = await copyFromPage(what === 'text' ? draft.text : JSON.stringify(draft.json, null, 2));
    setCopied(ok ? t('rpCopied') : t('rpCopyFailed'));
  };
  const field = (name: 'orderNumber' | 'amount', label: string) => (
    <label class="lz-order-field">
      <span>{label}</span>
      <input type="text" name={name} value={purchase[name]} onInput={(e) => change({ [name]: (e.currentTarget as HTMLInputElement).value })} />
    </label>
  );
  return (
    <section class="lz-box lz-12315" aria-labelledby="lz-12315-h" data-type={draft.type}>
      <h2 id="lz-12315-h">{t('rp12315Title')}</h2>
      <p>{t('rp12315Help')}</p>
      <fieldset class="lz-categories lz-bought">
        <legend>{t('rp12315Bought')}</legend>
        <label class="lz-choice" data-checked={String(purchase.answered && purchase.bought)}>
          <input type="radio" name="bought" value="yes" checked={purchase.answered && purchase.bought} onChange={() => change({ bought: true })} />
          <span>{t('rp12315BoughtYes')}</span>
        </label>
        <label class="lz-choice" data-checked={String(purchase.answered && !purchase.bought)}>
          <input type="radio" name="bought" value="no" checked={purchase.answered && !purchase.bought} onChange={() => change({ bought: false })} />
          <span>{t('rp12315BoughtNo')}</span>
        </label>
      </fieldset>
      {purchase.bought && (
        <div class="lz-order" role="group" aria-label={t('rp12315BoughtYes')}>
          {field('orderNumber', t('rp12315Order'))}
          {field('amount', t('rp12315Amount'))}
          <label class="lz-order-field">
            <span>{t('rp12315OrderDate')}</span>
            <input type="date" name="orderDate" value={purchase.orderDate} onInput={(e) => change({ orderDate: (e.currentTarget as HTMLInputElement).value })} />
          </label>
          <p>{t('rp12315OrderHelp')}</p>
        </div>
      )}
      <textarea class="lz-complaint" readOnly rows={12} aria-labelledby="lz-12315-h" value={draft.text} />
      <div class="lz-row lz-buttons">
        <button type="button" class="lz-primary" onClick={() => void copy('text')}>
          {t('rp12315CopyText')}
        </button>
        <a class="lz-btn" href={draft.url} target="_blank" rel="noopener noreferrer">
          <ExternalGlyph />
          {t('rp12315Open')}
        </a>
        <span class="lz-saved" role="status" aria-live="polite">
          {copied}
        </span>
      </div>
      <details class="lz-advanced">
        <summary>{t('rpAdvanced')}</summary>
        <button type="button" class="lz-secondary" onClick={() => void copy('json')}>
          {t('rp12315CopyJson')}
        </button>
      </details>
    </section>
  );
}
