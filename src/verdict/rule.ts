import type { Finding, Severity } from '../types';
import type { Lang } from '../i18n/lang';

/** A message in each UI language; `{name}` placeholders are filled from a finding's params. */
export type Messages = Record<Lang, string>;

/**
 * A verdict rule, registered as data. Each rule owns its code, severity, and its explanation in
 * every language: what was found, why it matters, and what to do.
 */
export interface RuleInfo {
  code: string;
  severity: Severity;
  /** One-sentence finding, with `{param}` placeholders. */
  message: Messages;
  /** Why it matters and what to do. */
  advice: Messages;
}

/** Fills `{name}` placeholders; unknown names stay visible rather than vanish. */
export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Builds a Finding of a rule, in one language. */
export function makeFinding(
  rule: RuleInfo,
  lang: Lang,
  params: Record<string, string>,
  evidence: string,
  ref?: number,
): Finding {
  const finding: Finding = { code: rule.code, severity: rule.severity, message: fill(rule.message[lang], params), evidence, params };
  if (ref !== undefined) finding.ref = ref;
  return finding;
}

/** What page rules see: the scan so far, and the language to speak. */
export interface RuleContext {
  identifiers: import('../types').Identifier[];
  licenses: import('../types').LicenseRecord[];
  badges: import('../types').Badge[];
  lang: Lang;
}

/** A rule that judges the page itself (data rules from feeds judge lookups instead). */
export interface PageRule extends RuleInfo {
  evaluate(ctx: RuleContext): Finding[];
}
