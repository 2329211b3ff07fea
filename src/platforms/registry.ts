import type { Platform } from './platform';
import { hostMatches } from './helpers';
import taobao from './taobao';
import jd from './jd';
import pinduoduo from './pinduoduo';
import douyin from './douyin';
import alibaba1688 from './alibaba-1688';
import xianyu from './xianyu';
import kuaishou from './kuaishou';
import vipshop from './vipshop';
import suning from './suning';
import dangdang from './dangdang';
import meituan from './meituan';
import eleme from './eleme';

const table: Platform[] = [];

/** Registers one platform; ids and host patterns must be unique, so two files cannot fight over a host. */
function add(platform: Platform): void {
  if (table.some((p) => p.id === platform.id)) throw new Error(`platform registered twice: ${platform.id}`);
  for (const m of platform.matches) {
    const owner = table.find((p) => p.matches.includes(m));
    if (owner) throw new Error(`host pattern ${m} claimed by both ${owner.id} and ${platform.id}`);
  }
  table.push(platform);
}

add(taobao);
add(jd);
add(pinduoduo);
add(douyin);
add(alibaba1688);
add(xianyu);
add(kuaishou);
add(vipshop);
add(suning);
add(dangdang);
add(meituan);
add(eleme);

/** Every known store platform. Registration test: src/platforms/registry.test.ts. */
export const PLATFORMS: readonly Platform[] = table;

/** The platform serving a host: the most specific matching pattern wins (2.taobao.com → Xianyu). */
export function platformForHost(host: string): Platform | null {
  let best: Platform | null = null;
  let bestLength = -1;
  for (const p of table) {
    for (const m of p.matches) {
      const length = m.replace(/^=/, '').length;
      if (length > bestLength && hostMatches(host, m)) {
        best = p;
        bestLength = length;
      }
    }
  }
  return best;
}
