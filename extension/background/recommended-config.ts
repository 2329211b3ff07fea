import browser from 'webextension-polyfill';
import { parseRecommended, type RecommendedConfig } from '../../src/lists/recommended-feeds';

let loaded: Promise<RecommendedConfig> | null = null;

/**
 * The distributor's recommended lists and default report endpoint (public/recommended-feeds.json,
 * in the package), read once per worker. A file that cannot be read recommends nothing, and says why.
 */
export function recommendedConfig(): Promise<RecommendedConfig> {
  loaded ??= fetch(browser.runtime.getURL('recommended-feeds.json'))
    .then((r) => r.json() as Promise<unknown>)
    .then(parseRecommended)
    .then((config) => {
      for (const p of config.problems) console.warn('[liangzhao] recommended-feeds.json:', p);
      return config;
    })
    .catch((error: unknown): RecommendedConfig => ({ feeds: [], reportEndpoint: null, problems: [`could not read recommended-feeds.json: ${String(error)}`] }));
  return loaded;
}
