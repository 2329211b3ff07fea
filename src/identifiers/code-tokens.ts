/**
 * Bare registration codes (USCC, 注册号, 组织机构代码) have no anchor of their own. They are read as
 * tokens: runs of letters and digits where groups may be glued by spaces, invisible characters or
 * a hyphen ("9145 0100 5794 4342 4B", "68132554-7"). Glue joins two groups only when both hold a
 * digit (so "TEL 0201…" stays apart) or when it is invisible characters alone (a disguise).
 */
export interface Group {
  text: string;
  start: number;
  end: number;
}

const RUN = /[0-9A-Z](?:[0-9A-Z]|[ \u200B-]{1,4}(?=[0-9A-Z]))*/y;
const HAS_DIGIT = /\d/;

/**
 * How much of a run tokenAt reads. What a label's value is read as (classifyLabelled) depends on at
 * most its first 12 groups and 20 characters, glue included well under 100 characters; reading the
 * whole run would let a page of "USCCUSCC…" make every label read to the end of it (issue 15).
 */
const TOKEN_REACH = 256;

/** The token (list of glued groups) that starts exactly at `pos`, or null (read up to TOKEN_REACH characters). */
export function tokenAt(norm: string, pos: number): Group[] | null {
  RUN.lastIndex = 0;
  const m = RUN.exec(norm.slice(pos, pos + TOKEN_REACH));
  if (!m) return null;
  return splitTokens(m[0], pos)[0] ?? null;
}

/** Splits a run into tokens of glued groups. */
export function splitTokens(run: string, offset: number): Group[][] {
  const tokens: Group[][] = [];
  let current: Group[] = [];
  let i = 0;
  while (i < run.length) {
    const gs = i;
    while (i < run.length && isAlnum(run.charCodeAt(i))) i++;
    const group: Group = { text: run.slice(gs, i), start: offset + gs, end: offset + i };
    const prev = current[current.length - 1];
    if (prev) {
      const glue = run.slice(prev.end - offset, gs);
      const invisibleOnly = /^\u200B+$/.test(glue);
      const hyphens = glue.split('-').length - 1;
      const joins = invisibleOnly || (hyphens <= 1 && HAS_DIGIT.test(prev.text) && HAS_DIGIT.test(group.text));
      if (!joins) {
        tokens.push(current);
        current = [];
      }
    }
    current.push(group);
    while (i < run.length && !isAlnum(run.charCodeAt(i))) i++;
  }
  if (current.length) tokens.push(current);
  return tokens;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/** Candidate runs for unlabelled codes: at least 15 letters/digits with glue. */
export const CODE_RUN = /(?<![0-9A-Z])[0-9A-Y](?:[0-9A-Z]|[ \u200B-]{1,4}(?=[0-9A-Z])){14,}/g;

/** Compact text of groups [from, to). */
export const joinGroups = (groups: Group[], from: number, to: number) => groups.slice(from, to).map((g) => g.text).join('');
