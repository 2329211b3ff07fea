import type { PageClass } from '../platforms/classify-page';
import type { Badge, Identifier, LicenseRecord, PictureFacts } from '../types';
import type { PartialReason } from './budget';

/**
 * What the engine read on a page, and nothing it concluded: the identifiers, licence records and
 * badges it found, and, where it had to look, what kind of page this is. The verdict is judge()'s
 * (src/verdict/judge.ts). Plain JSON: it crosses from the extension document that scans to the
 * service worker that judges.
 */
export interface PageFacts {
  url: string;
  identifiers: Identifier[];
  licenses: LicenseRecord[];
  badges: Badge[];
  /**
   * What kind of page this is (a shop? which platform? where is its licence page?), or null when
   * the engine did not need to ask: a page that shows a licence, or links to one, cannot lack one,
   * and classifying costs passes over the whole page.
   */
  store: PageClass | null;
  /**
   * The page's words that show medicine for sale (国药准字…, 处方药), asked only where the page shows
   * a 非经营性 drug-information certificate (medicine-on-sale.ts); absent otherwise.
   */
  medicine?: string | null;
  /**
   * Present when the engine could not read the whole page (the snapshot was cut at its size limit,
   * the scan ran out of its time, the page nests deeper than can be read): what was found is what
   * the part read shows, and the verdict says so. Absent when the page was read to its end.
   */
  partial?: PartialReason;
  /**
   * The pictures read as licences (src/image/): their identifiers and licence records are also in
   * `identifiers` and `licenses` (source `image`), so every rule and lookup treats them as the text's;
   * here are their QR codes and whether each could be read at all. Absent when no picture was read.
   */
  pictures?: PictureFacts[];
}

/** The page showed anything the verdict can be about (an identifier, a licence record, a badge). */
export const foundAnything = (facts: Pick<PageFacts, 'identifiers' | 'licenses' | 'badges'>): boolean =>
  facts.identifiers.length > 0 || facts.licenses.length > 0 || facts.badges.length > 0;
