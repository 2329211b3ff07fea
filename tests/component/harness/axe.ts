import type { Page } from 'playwright-core';
import { AXE_SOURCE, axeViolations, type AxeViolation } from '../../a11y/axe-check';

/**
 * Serious and critical axe-core violations of a surface, in the light and the dark colour scheme
 * (each has its own colours), keyed by scheme; `selector` limits the check to one element (the
 * panel's host, whose open shadow root axe walks).
 */
export async function axeBothSchemes(page: Page, selector: string | null = null): Promise<Record<'light' | 'dark', AxeViolation[]>> {
  await page.evaluate(AXE_SOURCE);
  const out = { light: [] as AxeViolation[], dark: [] as AxeViolation[] };
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    out[scheme] = await page.evaluate(axeViolations, selector);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
}
