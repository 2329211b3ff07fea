import type { Lang } from '../i18n/lang';
import type { DataLookups } from '../feed/lookup-types';
import type { PageFacts } from '../scan/facts';
import type { Finding, Severity } from '../types';
import type { UserRules, UserRulesView } from './user-rules';

/** A message in each UI language; `{name}` placeholders are filled from a finding's params. */
export type Messages = Record<Lang, string>;

/**
 * What a rule's findings are about: the shop, or the state of our own data (lists missing, stale,
 * a lookup that failed). The panel shows the second kind apart, plainly, never as an alarm.
 */
export type RuleTopic = NonNullable<Finding['topic']>;

/**
 * A verdict rule's identity and explanation, registered as data: its code, severity, and in every
 * language what was found, why it matters and what to do.
 */
export interface RuleInfo {
  code: string;
  severity: Severity;
  topic: RuleTopic;
  /** One-sentence finding, with `{param}` placeholders. */
  message: Messages;
  /** Why it matters and what to do. */
  advice: Messages;
}

/** Rules that read only what the engine found on the page (and the page's kind). */
export interface PageRule extends RuleInfo {
  judges: 'page';
  evaluate(input: { facts: PageFacts; lang: Lang }): Finding[];
}

/** Rules that read what the lists said about the page (black lists, credit cache, list health). */
export interface ListRule extends RuleInfo {
  judges: 'lists';
  evaluate(input: { facts: PageFacts; lookups: DataLookups; lang: Lang }): Finding[];
}

/**
 * Rules of the user's own (personal lists). judge() matches the user's lists once and hands over the
 * entry that decides for the page (`personal`), so a rule file stays a few lines of data.
 */
export interface UserRule extends RuleInfo {
  judges: 'user';
  evaluate(input: { facts: PageFacts; user: UserRules; personal: UserRulesView['personal']; lang: Lang }): Finding[];
}

/** Every rule is one of these: judge() runs each one whose input it was given. */
export type Rule = PageRule | ListRule | UserRule;

/** Fills `{name}` placeholders; unknown names stay visible rather than vanish. */
export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Builds a Finding of a rule, in one language, with its advice and topic for the UI to show as they are. */
export function makeFinding(rule: RuleInfo, lang: Lang, params: Record<string, string>, evidence: string, ref?: number): Finding {
  const finding: Finding = { code: rule.code, severity: rule.severity, message: fill(rule.message[lang], params), evidence, params, advice: fill(rule.advice[lang], params), topic: rule.topic };
  if (ref !== undefined) finding.ref = ref;
  return finding;
}
