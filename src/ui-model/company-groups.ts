import type { Badge, Finding, Identifier, LicenseRecord, ScanResult } from '../types';

/**
 * One company as the page presents it: the name and code from its licence card, and the page's other
 * numbers under it. Split so that what needs a look comes first and the rest is one line.
 */
export interface CompanyGroup {
  /** The company's name as the page's licence card gives it, or null when the page gives none. */
  name: string | null;
  /** Its registration number (USCC, else registration number), or null. */
  code: Identifier | null;
  /** Numbers worth a look: malformed, named by a finding, or answered by an official site. */
  shown: Identifier[];
  /** Numbers that passed their checks and nothing said anything about: one "另有 N 个号码格式正确" row. */
  passed: Identifier[];
}

const isCode = (i: Identifier) => i.kind === 'uscc' || i.kind === 'regno';

/** Does a finding speak about this identifier (its evidence, or its value among the finding's facts)? */
export function findingNames(f: Pick<Finding, 'ref' | 'params' | 'topic'>, id: Pick<Identifier, 'ref' | 'value'>): boolean {
  if (f.topic === 'data-status') return false;
  if (f.ref !== undefined && f.ref === id.ref) return true;
  return Object.values(f.params).some((v) => v === id.value || v.split('、').includes(id.value));
}

/** Does a finding speak about this badge (the badge rules quote `claims → href` at the badge)? */
export function findingNamesBadge(f: Pick<Finding, 'ref' | 'evidence' | 'topic'>, b: Pick<Badge, 'ref' | 'claims' | 'href'>): boolean {
  if (f.topic === 'data-status') return false;
  return (f.ref !== undefined && f.ref === b.ref) || f.evidence === `${b.claims} → ${b.href}`;
}

/** The badges no finding is about already (a badge with a finding is shown by its finding). */
export function unremarkedBadges(result: Pick<ScanResult, 'badges' | 'verdict'>): Badge[] {
  return result.badges.filter((b) => !result.verdict.findings.some((f) => findingNamesBadge(f, b)));
}

/** A company name as registered names end (有限公司, 商行 …), in Chinese characters and brackets. */
const COMPANY_NAME = /[\u4e00-\u9fff（）()]{2,40}?(?:股份有限公司|有限责任公司|有限公司|分公司|集团|商行|经营部|工作室|合作社)/g;

/**
 * The company name the page writes just before a code outside a licence card ("北京某某科技有限公司
 * 统一社会信用代码：9111…"), from the code's own excerpt; null when there is none.
 */
export function nameBefore(code: Pick<Identifier, 'evidence' | 'value'>): string | null {
  const at = code.evidence.indexOf(code.value.slice(0, 6));
  const before = at >= 0 ? code.evidence.slice(0, at) : code.evidence;
  const last = [...before.matchAll(COMPANY_NAME)].pop();
  if (!last) return null;
  // An excerpt cut before the find starts with "…" (src/scan/evidence.ts): a name right after it may
  // be cut short, and a name cut short is worse than none.
  return before.startsWith('…') && last.index === 1 ? null : last[0];
}

/** A licence card's key: its code, else its name. */
const keyOf = (l: Pick<LicenseRecord, 'uscc' | 'regno' | 'name'>) => l.uscc ?? l.regno ?? l.name ?? '';

/**
 * The page's numbers grouped by company: each licence card (name and code) with the numbers under
 * it; a code shown in the page's text without a card is a company without a name. With one company,
 * every other number is its; with several, the rest form a last group without a name (which company
 * a permit belongs to the page does not say). Numbers read only from a link (a badge's parameter)
 * never make a company of their own.
 */
export function companyGroups(result: Pick<ScanResult, 'identifiers' | 'licenses' | 'verdict' | 'official'>): CompanyGroup[] {
  const { identifiers, licenses } = result;
  const companies: { name: string | null; code: Identifier | null }[] = [];
  const seen = new Set<string>();
  for (const l of licenses) {
    const key = keyOf(l);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const code = identifiers.find((i) => isCode(i) && (i.value === l.uscc || i.value === l.regno)) ?? null;
    companies.push({ name: l.name, code });
  }
  for (const i of identifiers) {
    if (!isCode(i) || i.source === 'link' || seen.has(i.value)) continue;
    seen.add(i.value);
    companies.push({ name: nameBefore(i), code: i });
  }
  const placed = new Set(companies.map((c) => c.code).filter((c): c is Identifier => c !== null));
  const rest = identifiers.filter((i) => !placed.has(i));
  const groups = companies.map((c) => ({ ...c, numbers: companies.length === 1 ? rest : [] }));
  if (companies.length !== 1 && rest.length) groups.push({ name: null, code: null, numbers: rest });
  return groups.map(({ name, code, numbers }) => {
    const looked = numbers.filter((i) => worthALook(i, result));
    return { name, code, shown: looked, passed: numbers.filter((i) => !looked.includes(i)) };
  });
}

/** Malformed, named by a finding, or answered by an official site: shown in full. */
function worthALook(i: Identifier, result: Pick<ScanResult, 'verdict' | 'official'>): boolean {
  if (!i.valid) return true;
  if (result.verdict.findings.some((f) => findingNames(f, i))) return true;
  return (result.official ?? []).some((c) => c.shown.includes(`${i.kind}:${i.value}`));
}
