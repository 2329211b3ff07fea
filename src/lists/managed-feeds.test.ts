import { describe, expect, it } from 'vitest';
import { parseManagedFeeds } from './managed-feeds';

describe('managed feeds', () => {
  it('reads url and key (and the optional name and stale days); reports what it cannot use', () => {
    const got = parseManagedFeeds([
      { url: 'https://lists.example.org/feed/', publicKey: 'AAAA', name: 'Org list', staleAfterDays: 3 },
      { url: 'https://x.example/manifest.json' },
      'nonsense',
      { url: 'https://y.example/manifest.json', publicKey: 'BBBB', staleAfterDays: -1 },
    ]);
    expect(got.feeds).toEqual([
      { url: 'https://lists.example.org/feed/', publicKey: 'AAAA', name: 'Org list', staleAfterDays: 3 },
      { url: 'https://y.example/manifest.json', publicKey: 'BBBB' },
    ]);
    expect(got.problems).toEqual(['feeds[1]: needs "url" and "publicKey" strings', 'feeds[2]: needs "url" and "publicKey" strings']);
  });

  it('nothing configured is no feeds; a value that is not a list is a problem', () => {
    expect(parseManagedFeeds(undefined)).toEqual({ feeds: [], problems: [] });
    expect(parseManagedFeeds({ url: 'https://a.example/' }).problems).toEqual(['"feeds" is not a list']);
  });
});
