import { listsChecked } from '../../src/ui-model/lists-checked';
import type { TabVerdict } from '../protocol/messages';
import { levelText, type T } from './i18n';

/**
 * The toolbar title of a tab, in the UI language; null for the extension's default title. While the
 * page's licence pictures are being read, it says so (a quiet page shows nothing on the page meanwhile).
 */
export function toolbarTitle(verdict: TabVerdict | null, t: T): string | null {
  const title = levelTitle(verdict, t);
  const reading = verdict?.result ? verdict.reading?.pictures : undefined;
  if (!reading) return title;
  // "Nothing read" is not the word while a picture is still being read.
  return verdict?.result?.verdict.level === 'none' ? t('toolbarTitleReadingOnly', reading) : t('toolbarTitleReading', title ?? t('extName'), reading);
}

function levelTitle(verdict: TabVerdict | null, t: T): string | null {
  if (!verdict) return null;
  if (verdict.allowlisted) return t('toolbarTitleAllowlisted');
  const result = verdict.result;
  if (!result) return null;
  const { level, findings } = result.verdict;
  const word = levelText(level, t).title;
  const problems = findings.filter((f) => f.severity !== 'info').length;
  if (problems > 0) return t('toolbarTitleCount', word, problems);
  if (level === 'ok') return t('toolbarTitleRead', listsChecked(findings) ? word : levelText(level, t, false).hint, result.identifiers.length);
  return t('toolbarTitle', word);
}
