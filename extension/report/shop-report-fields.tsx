import type { Lang } from '../../src/i18n/lang';
import { REPORT_CATEGORIES, type CategoryId } from '../../src/reports/categories';
import { REPORT_LIMITS } from '../../src/reports/report';
import type { T } from '../ui/i18n';

interface Props {
  t: T;
  lang: Lang;
  category: CategoryId | null;
  text: string;
  onCategory: (c: CategoryId) => void;
  onText: (text: string) => void;
}

/** What is wrong with the shop (one category) and the user's own words, never cut. */
export function ShopReportFields({ t, lang, category, text, onCategory, onText }: Props) {
  const over = text.length > REPORT_LIMITS.text;
  return (
    <>
      <section class="lz-box">
        <fieldset class="lz-categories">
          <legend>{t('rpCategory')}</legend>
          {REPORT_CATEGORIES.map((c) => (
            <label key={c.id} class="lz-choice" data-checked={String(category === c.id)}>
              <input type="radio" name="category" value={c.id} checked={category === c.id} onChange={() => onCategory(c.id)} />
              <span>{c.label[lang]}</span>
            </label>
          ))}
        </fieldset>
      </section>
      <section class="lz-box">
        <h2>
          <label for="lz-text">{t('rpText')}</label>
        </h2>
        <p id="lz-text-help">{t(category === 'other' ? 'rpTextHelpOther' : 'rpTextHelp')}</p>
        <textarea id="lz-text" name="text" rows={6} aria-describedby="lz-text-help lz-text-count" value={text} onInput={(e) => onText((e.currentTarget as HTMLTextAreaElement).value)} />
        <div id="lz-text-count" class={over ? 'lz-count-line lz-error' : 'lz-count-line'}>
          {t('rpTextCount', text.length, REPORT_LIMITS.text)}
        </div>
      </section>
    </>
  );
}
