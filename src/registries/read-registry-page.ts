import type { RegistryReading } from '../feed/registry-answer';
import { registrySiteOf } from './hosts';
import { READERS } from './readers';

/**
 * Reads a registry result page: only on the registries' own hosts over https (a lookalike host, or
 * http, is refused), with that site's reader. A reader that throws on a page it does not know says
 * "unreadable", never a verdict.
 */
export function readRegistryPage(doc: Document, url: string): RegistryReading {
  const site = registrySiteOf(url);
  if (!site) return { state: 'refused', reason: `not a registry host over https: ${url.slice(0, 200)}` };
  try {
    return READERS[site].read(doc, new URL(url));
  } catch (error) {
    return { state: 'unreadable', site, reason: `reader failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
