import { detectGenericShop } from '../platforms/generic-shop';
import type { Identifier } from '../types';

/** What a page that sells medicine shows: an approval number (国药准字), or prescription and OTC labels. */
const MEDICINE = /[国國]药准字\s*[HZSJBTF]\s*\d{8}|[国國]藥準字\s*[HZSJBTF]\s*\d{8}|非?处方药|非?處方藥|[甲乙][类類]\s*OTC/;

const MAX_TEXT = 300_000;

/** A 互联网药品信息服务资格证书 marked 非经营性: it allows information, not sales. */
export const isNonCommercialDrugInfo = (i: Pick<Identifier, 'kind' | 'value'>): boolean => i.kind === 'drug-info' && i.value.includes('非经营性');

/**
 * The page's own words that show medicine for sale (a 国药准字 number or 处方药 / OTC label on a page
 * with a price, a buy button or a cart), or null. Asked only when the page shows a non-commercial
 * drug-information certificate: it costs passes over the page.
 */
export function medicineOnSale(doc: Document, identifiers: readonly Pick<Identifier, 'kind' | 'value'>[]): string | null {
  if (!identifiers.some(isNonCommercialDrugInfo)) return null;
  const text = (doc.body?.textContent ?? '').slice(0, MAX_TEXT);
  const m = MEDICINE.exec(text);
  if (!m) return null;
  const sells = detectGenericShop(doc).signals.some((s) => s.code === 'price' || s.code === 'buy-button' || s.code === 'cart');
  return sells ? m[0] : null;
}
