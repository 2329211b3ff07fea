/**
 * What no report can look like, found in the raw body before JSON.parse builds it (issue 15): a
 * report nests four levels deep and no object or array of it has more than 50 entries, but
 * JSON.parse would build whatever the body holds — 200,000 keys took a tenth of a second, 900,000
 * nested arrays a fifth — before validation could refuse it. One pass over the text, counting
 * brackets and commas outside strings.
 */
export const MAX_JSON_DEPTH = 8;
export const MAX_JSON_ENTRIES = 256;

/** Why the body cannot be a report (too deep, too many entries), or null to go on and parse it. */
export function jsonShapeProblem(text: string): string | null {
  const entries: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (entries.push(0) > MAX_JSON_DEPTH) return `nests deeper than ${MAX_JSON_DEPTH} levels`;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) entries.pop();
    else if (c === COMMA && entries.length && ++entries[entries.length - 1]! >= MAX_JSON_ENTRIES) {
      return `has an object or array of more than ${MAX_JSON_ENTRIES} entries`;
    }
  }
  return null;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
