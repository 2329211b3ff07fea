import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../feed/bytes';
import { sha256Sync } from './sha256-sync';

describe('sha256Sync', () => {
  it('matches WebCrypto on the standard vectors', () => {
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    expect(hex(sha256Sync(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256Sync(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches WebCrypto on any input, across block boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(sha256Sync(bytes)).toEqual(await sha256(bytes));
      }),
      { numRuns: 300 },
    );
  });
});

describe('hashQueriesSync', () => {
  it('hashes like hashQueries (the publisher’s and the extension’s keys must agree)', async () => {
    const { hashQueries } = await import('../feed/feed-lookup');
    const { hashQueriesSync } = await import('./lookup-identifiers');
    const queries = [
      { kind: 'uscc' as const, value: '91330106ma2h3p7l4h' },
      { kind: 'uscc' as const, value: '91330106MA2H3P7L4H' },
      { kind: 'domain' as const, value: 'https://www.Fake-GSXT.example.com/x' },
      { kind: 'icp' as const, value: '京ICP备2019999999号-3' },
      { kind: 'psb' as const, value: '京公网安备 11010802012345号' },
      { kind: 'uscc' as const, value: 'not an id' },
    ];
    expect(hashQueriesSync(queries)).toEqual(await hashQueries(queries));
    expect(hashQueriesSync(queries)).toHaveLength(4);
  });
});
