import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * axe-core, run in a page by both the component and the e2e tiers. The source is evaluated in the
 * page as the browser's devtools would (an extension page's CSP forbids loading it any other way),
 * then `axeViolations` runs in the page and answers plain JSON.
 */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One violation: the rule, how bad, what it asks, and where (CSS selectors, through shadow roots). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

interface AxeNode {
  target: unknown[];
  html: string;
  any?: { id: string; data?: { messageKey?: string; contrastRatio?: number } | null }[];
}
interface AxeResult {
  violations: { id: string; impact?: string | null; help: string; nodes: AxeNode[] }[];
  incomplete: { id: string; impact?: string | null; help: string; nodes: AxeNode[] }[];
}
interface AxeApi {
  run(context: Element | Document, options: object): Promise<AxeResult>;
}

/**
 * Runs in the page: axe on the element that `selector` finds (its shadow tree included), or the whole
 * document; WCAG 2.1 A and AA and axe's best practices; only serious and critical violations. Text
 * whose contrast axe could not measure at all (no background found: e.g. an element outside <body>)
 * counts as a violation too, so that a surface axe cannot see fails instead of passing unmeasured;
 * what axe leaves for a person for a stated reason (an icon glyph, text over an image) does not.
 */
export async function axeViolations(selector: string | null): Promise<AxeViolation[]> {
  const axe = (globalThis as unknown as { axe: AxeApi }).axe;
  const context = selector ? document.querySelector(selector) : document;
  if (!context) throw new Error(`nothing matches ${selector}`);
  const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations', 'incomplete'] });
  const where = (n: AxeNode) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`;
  const unmeasured = result.incomplete
    .filter((v) => v.id === 'color-contrast')
    .map((v) => ({ id: 'color-contrast-unmeasured', impact: 'serious', help: v.help, nodes: v.nodes.filter((n) => (n.any ?? []).some((c) => c.id === 'color-contrast' && !c.data?.messageKey)).map(where) }))
    .filter((v) => v.nodes.length > 0);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map(where) }))
    .concat(unmeasured);
}
