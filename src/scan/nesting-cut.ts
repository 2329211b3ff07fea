/**
 * Cuts serialized HTML where it nests deeper than `maxDepth`, before it is parsed (issue 15).
 * Browsers' HTML parsers stop nesting at 512 levels, but a page can build any depth by script, and
 * its outerHTML then carries all of it: Chromium's DOMParser took 4 s on 20,000 levels and five
 * minutes on 200,000, in the one document that scans every tab's pages. What is past the cut is
 * left out (the facts say the page was read in part).
 *
 * Made for HTML a browser serialized (outerHTML): every element that is not void has its end tag,
 * attribute values are in double quotes, '<' in text is escaped; comments and the raw text of
 * script, style and the like are skipped whole. One pass, no regex backtracking.
 */
export function cutDeepNesting(html: string, maxDepth: number): { html: string; cut: boolean } {
  let depth = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    const next = html.charCodeAt(i + 1);
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) break;
      i = html.indexOf('<', end + 3);
      continue;
    }
    if (next === SLASH) {
      depth = Math.max(0, depth - 1);
      i = html.indexOf('<', i + 2);
      continue;
    }
    if (!isLetter(next)) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let j = i + 1;
    while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
    const name = html.slice(i + 1, j).toLowerCase();
    const close = tagEnd(html, j);
    if (close < 0) break;
    if (!VOID.has(name) && html.charCodeAt(close - 1) !== SLASH) {
      if (++depth > maxDepth) return { html: html.slice(0, i), cut: true };
      if (RAW_TEXT.has(name)) {
        // Its text is raw: skip to its end tag (which then closes it).
        const end = indexOfEndTag(html, name, close + 1);
        i = end < 0 ? -1 : end;
        continue;
      }
    }
    i = html.indexOf('<', close + 1);
  }
  return { html, cut: false };
}

const SLASH = 47;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen', 'param']);
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'textarea', 'title']);

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number) => c > 32 && c !== 47 && c !== 62;

/** The offset of the '>' that ends the tag whose attributes start at `from` (quoted values skipped), or -1. */
function tagEnd(html: string, from: number): number {
  for (let k = from; k < html.length; k++) {
    const c = html.charCodeAt(k);
    if (c === 62) return k;
    if (c === 34 || c === 39) {
      k = html.indexOf(html[k]!, k + 1);
      if (k < 0) return -1;
    }
  }
  return -1;
}

/** Where `</name` next starts, in any case, or -1. */
function indexOfEndTag(html: string, name: string, from: number): number {
  for (let k = html.indexOf('</', from); k >= 0; k = html.indexOf('</', k + 2)) {
    if (html.slice(k + 2, k + 2 + name.length).toLowerCase() === name) return k;
  }
  return -1;
}
