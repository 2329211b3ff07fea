import alibaba1688Search from './alibaba-1688-search';
import baidu from './baidu';
import bing from './bing';
import type { ListingSite } from './listing-site';
import so360 from './so360';
import sogou from './sogou';
import taobaoSearch from './taobao-search';

const table: ListingSite[] = [];

/** Registers one site; ids and hosts must be unique, so two files cannot fight over a page. */
function add(site: ListingSite): void {
  if (table.some((s) => s.id === site.id)) throw new Error(`listing registered twice: ${site.id}`);
  for (const h of site.hosts) {
    const owner = table.find((s) => s.hosts.includes(h));
    if (owner) throw new Error(`host ${h} claimed by both ${owner.id} and ${site.id}`);
  }
  table.push(site);
}

add(baidu);
add(bing);
add(sogou);
add(so360);
add(taobaoSearch);
add(alibaba1688Search);

/** Every search and listing page that gets marks. Registration test: registry.test.ts. */
export const LISTING_SITES: readonly ListingSite[] = table;

/** The site whose result pages are on this host, if any. */
export function listingSiteForHost(host: string): ListingSite | null {
  return table.find((s) => s.hosts.includes(host.toLowerCase())) ?? null;
}
