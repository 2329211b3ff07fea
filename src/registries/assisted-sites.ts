import type { RegistrySiteId } from '../feed/registry-answer';

/**
 * The lookup sites (src/ui-model/lookups.ts) whose result pages the extension can read, by their
 * lookup id: a click on these opens a tracked registry tab; the others stay plain links.
 */
export const ASSISTED_SITES: Readonly<Record<string, RegistrySiteId>> = { gsxt: 'gsxt', creditchina: 'creditchina', icp: 'miit', psb: 'mps' };
