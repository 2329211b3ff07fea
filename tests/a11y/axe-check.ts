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

/**
 * Runs in the page: shows it in the light or the dark colour scheme without the browser's emulation
 * (which only Chromium's driver has). The extension's styles switch themes only by
 * `@media (prefers-color-scheme: …)` (extension/ui/verdict-styles.test.ts keeps the palettes at 4.5:1); this turns each such
 * condition on or off in the document's stylesheets and in those of every open shadow root, and sets
 * `color-scheme` on the root so that the browser's own colours (form fields, buttons) follow as they
 * would. The rule's original text is kept, so the page can be switched back and forth.
 */
export function forceColorScheme(scheme: 'light' | 'dark'): number {
  const g = globalThis as unknown as { lzSchemeRules?: Map<CSSMediaRule, string> };
  const originals = (g.lzSchemeRules ??= new Map());
  const sheets: CSSStyleSheet[] = Array.from(document.styleSheets);
  const roots: (Document | ShadowRoot)[] = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const el of Array.from(roots[i]!.querySelectorAll('*'))) {
      if (!el.shadowRoot) continue;
      roots.push(el.shadowRoot);
      sheets.push(...Array.from(el.shadowRoot.styleSheets));
      (el as HTMLElement).style.colorScheme = scheme;
    }
  }
  document.documentElement.style.colorScheme = scheme;
  const on = '(min-width: 0px)';
  const off = '(max-width: 0px)';
  let switched = 0;
  const visit = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (!(rule instanceof CSSMediaRule)) continue;
      const original = originals.get(rule) ?? rule.media.mediaText;
      if (/prefers-color-scheme/.test(original)) {
        originals.set(rule, original);
        rule.media.mediaText = original
          .replace(/\(\s*prefers-color-scheme\s*:\s*dark\s*\)/g, scheme === 'dark' ? on : off)
          .replace(/\(\s*prefers-color-scheme\s*:\s*light\s*\)/g, scheme === 'light' ? on : off);
        switched++;
      }
      visit(rule.cssRules);
    }
  };
  for (const sheet of sheets) visit(sheet.cssRules);
  return switched;
}

/** Runs in a web page: a copy of our panel's shadow tree (its markup and stylesheet) in an open root in <body>, where axe can see it. */
export function mountPanelCopy(markup: string): void {
  const host = document.createElement('lz-axe-copy');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = markup;
  document.body.append(host);
}
