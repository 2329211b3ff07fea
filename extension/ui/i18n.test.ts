import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { IDENTIFIER_KINDS } from '../../src/types';
import { kindKey, makeT } from './i18n';
import { flattenMessages } from './messages-file';

const load = (dir: string) => flattenMessages(JSON.parse(readFileSync(new URL(`../../public/_locales/${dir}/messages.json`, import.meta.url), 'utf8')));

describe('UI strings', () => {
  it('fills $n substitutions and falls back to the browser, then the key', () => {
    const t = makeT({ a: 'Look up on $1 ($2)' }, (k) => (k === 'b' ? 'from browser' : ''));
    expect(t('a', 'gsxt', 3)).toBe('Look up on gsxt (3)');
    expect(t('b')).toBe('from browser');
    expect(t('missing')).toBe('missing');
  });
  it('has the same keys in zh_CN, zh_TW and en, and a name for every identifier kind', () => {
    const [cn, tw, en] = ['zh_CN', 'zh_TW', 'en'].map(load);
    const keys = Object.keys(cn!).sort();
    expect(Object.keys(tw!).sort()).toEqual(keys);
    expect(Object.keys(en!).sort()).toEqual(keys);
    for (const kind of IDENTIFIER_KINDS) expect(keys).toContain(kindKey(kind));
  });
});
