import type { RegistryReading, RegistrySiteId } from '../feed/registry-answer';

/** What a site's reader can make of a page (a refusal is read-registry-page's, not a reader's). */
export type SiteReading = Exclude<RegistryReading, { state: 'refused' }>;

/**
 * One registry's reader: small code over data (labels, list columns, "nothing found" phrases).
 * Registered in readers.ts; a test fails when a file in sites/ is not.
 */
export interface RegistryReader {
  site: RegistrySiteId;
  /** Reads a result page of this registry (the URL is already known to be one of its hosts, https). */
  read(doc: Document, url: URL): SiteReading;
}
