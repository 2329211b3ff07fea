import type { IdentifierKind } from '../types';
import { ALL_ABBREVIATIONS } from './provinces';

/** A permit or filing read by its form (see forms.ts). */
export interface FormMatch {
  kind: IdentifierKind;
  value: string;
  problems: string[];
  region?: string;
  /** The form's own name or the page's label for it, used as the label (e.g. ICP备案号). */
  label: string;
  /**
   * The capture group holding the number itself, when the pattern also matched the label before
   * it (营业性演出许可证：京演…): evidence and overlaps are the number's span, not the label's.
   */
  span?: string;
}

/** One alternative of the forms pattern. */
export interface Form {
  /** Name of the capture group that marks this alternative. */
  id: string;
  pattern: string;
  /** `before`: up to 40 characters of text before the match, for forms that need a label nearby. */
  build(g: Record<string, string | undefined>, before: string): FormMatch | FormMatch[] | null;
}

/** Spaces and invisible characters between the parts of a number. */
export const _ = '[ \\u200B]*';
/** Any province abbreviation, either system's. */
export const P = `[${ALL_ABBREVIATIONS}]`;
/** n digits, allowing single spaces or invisible characters between them. */
export const digits = (min: number, max: number) => `\\d(?:[ \\u200B]?\\d){${min - 1},${max - 1}}`;
export const strip = (s: string | undefined) => (s ?? '').replace(/[ \u200B]/g, '');
export const OPEN = '[〔(\\[<]';
export const CLOSE = '[〕)\\]>]';
export const CJK = '[\\u4E00-\\u9FFF]';
/**
 * Between a label and its number: spaces, a tab (table cell), a line break (block), a colon,
 * and the words pages put there (许可证号：, 编号：). Label and value in separate elements join
 * with nothing or with one of these.
 */
export const LABEL_GAP = '[ \\u200B\\t\\n]*(?:许可证)?(?:编号|证号|号码|号)?[ \\u200B]*[:：]?[ \\u200B\\t\\n]*';
