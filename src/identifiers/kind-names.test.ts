import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS } from '../types';
import { KIND_NAMES } from './kind-names';

describe('identifier kinds (the CLI JSON contract)', () => {
  it('every kind is named in each UI language and listed in the README', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    for (const kind of IDENTIFIER_KINDS) {
      for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) expect(KIND_NAMES[kind][lang], `${kind} ${lang}`).toMatch(/\S/);
      expect(readme, kind).toContain(`\`${kind}\``);
    }
  });
});
