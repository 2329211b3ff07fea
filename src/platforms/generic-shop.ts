/**
 * Recognizes an independent shop (no known platform) from what any store page shows: prices,
 * buy buttons, a cart, and schema.org Product data. Prices alone are not a shop (news pages quote
 * prices), so "high" needs a buy button or structured product data as well as a price or cart.
 */
import { textStart } from './helpers';


export type ShopConfidence = 'high' | 'medium' | 'low' | 'none';

export type ShopSignalCode = 'price' | 'buy-button' | 'cart' | 'schema-product' | 'microdata-product' | 'og-product';

export interface ShopSignal {
  code: ShopSignalCode;
  /** What on the page showed it, as the page wrote it (short). */
  evidence: string;
}

export interface GenericShop {
  confidence: ShopConfidence;
  score: number;
  signals: ShopSignal[];
}

const WEIGHT: Record<ShopSignalCode, number> = {
  price: 1,
  'buy-button': 2,
  cart: 1,
  'schema-product': 2,
  'microdata-product': 2,
  'og-product': 1,
};

/** ¥ / ￥ (and the full-width digits some shops use) followed by an amount. */
const PRICE = /[¥￥]\s*[\d０-９][\d０-９,，]*(?:[.．][\d０-９]{1,2})?/;
const PRICE_LABEL = /(?:价格|售价|促销价|到手价|券后价|價格|售價)\s*[:：]?\s*[\d０-９]+(?:\.\d{1,2})?\s*元/;
const BUY = /^(?:加入购物车|加入購物車|加入购物袋|加入購物袋|立即购买|立即購買|马上购买|立即抢购|立即搶購|马上抢|立即下单|立即下單|去结算|去結算|add to (?:cart|bag|basket)|buy (?:it )?now)$/i;
const CART = /购物车|購物車|购物袋|購物袋|^(?:cart|shopping cart|my cart)$/i;
const PRODUCT_TYPES = new Set(['Product', 'Offer', 'AggregateOffer', 'ProductGroup', 'IndividualProduct']);

const MAX_TEXT = 300_000;
const MAX_CONTROLS = 3000;
const MAX_JSON_LD = 100_000;
const MAX_LABEL_TEXT = 1000;

function clip(s: string, n = 40): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n) + '…' : t;
}

function findPrice(doc: Document): string | null {
  const meta = doc.querySelector('meta[property="product:price:amount"], meta[itemprop="price"], [itemprop="price"]');
  if (meta) return clip(meta.getAttribute('content') ?? meta.textContent ?? '');
  const text = (doc.body?.textContent ?? '').slice(0, MAX_TEXT);
  const m = PRICE.exec(text) ?? PRICE_LABEL.exec(text);
  return m ? clip(m[0]) : null;
}

/** Buttons first, then links: a page with thousands of nav links still has its buy button looked at. */
function findControl(doc: Document, re: RegExp, unless?: RegExp): string | null {
  for (const selector of ['button, input[type="submit"], input[type="button"], [role="button"]', 'a']) {
    const controls = doc.querySelectorAll(selector);
    const n = Math.min(controls.length, MAX_CONTROLS);
    for (let i = 0; i < n; i++) {
      const el = controls[i]!;
      // Its text up to a bound: a control holding more cannot be a 30-character label anyway.
      const label = (el.tagName === 'INPUT' ? el.getAttribute('value') : textStart(el, MAX_LABEL_TEXT)) ?? el.getAttribute('aria-label') ?? '';
      const t = label.replace(/\s+/g, ' ').trim();
      if (t.length > 0 && t.length <= 30 && re.test(t) && !unless?.test(t)) return t;
    }
  }
  return null;
}

/** Walks parsed JSON-LD (objects, arrays, @graph) for a Product-like @type; bounded depth. */
function hasProductType(node: unknown, depth = 0): boolean {
  if (depth > 6 || node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.slice(0, 50).some((n) => hasProductType(n, depth + 1));
  const obj = node as Record<string, unknown>;
  const type = obj['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && PRODUCT_TYPES.has(t.replace(/^https?:\/\/schema\.org\//, '')))) return true;
  return ['@graph', 'itemListElement', 'item', 'offers', 'mainEntity'].some((k) => k in obj && hasProductType(obj[k], depth + 1));
}

function findJsonLdProduct(doc: Document): string | null {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 20)) {
    const raw = s.textContent ?? '';
    if (raw.length > MAX_JSON_LD) continue;
    try {
      if (hasProductType(JSON.parse(raw))) return clip(raw, 60);
    } catch {
      // Malformed JSON-LD is common; it simply is not a signal.
    }
  }
  return null;
}

/** Scores the store signals of a page. Never throws on odd markup. */
export function detectGenericShop(doc: Document): GenericShop {
  const signals: ShopSignal[] = [];
  const add = (code: ShopSignalCode, evidence: string | null) => {
    if (evidence !== null) signals.push({ code, evidence });
  };
  add('price', findPrice(doc));
  add('buy-button', findControl(doc, BUY));
  // 加入购物车 is a buy button, not a separate cart link: count it once.
  add('cart', findControl(doc, CART, BUY));
  add('schema-product', findJsonLdProduct(doc));
  const micro = doc.querySelector('[itemtype*="schema.org/Product" i], [itemtype*="schema.org/Offer" i]');
  add('microdata-product', micro ? clip(micro.getAttribute('itemtype') ?? '') : null);
  const og = doc.querySelector('meta[property="og:type"]');
  add('og-product', og && /product/i.test(og.getAttribute('content') ?? '') ? clip(og.getAttribute('content') ?? '') : null);

  const score = signals.reduce((s, x) => s + WEIGHT[x.code], 0);
  const strong = signals.some((s) => s.code === 'buy-button' || s.code === 'schema-product' || s.code === 'microdata-product');
  const confidence: ShopConfidence = score >= 3 && strong ? 'high' : score >= 2 ? 'medium' : score >= 1 ? 'low' : 'none';
  return { confidence, score, signals };
}
