import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecommended } from './recommended-feeds';

const KEY = (JSON.parse(readFileSync(new URL('../../tests/fixtures/feed/test-key.json', import.meta.url), 'utf8')) as { publicKey: string }).publicKey;

describe('the recommended feeds data file', () => {
  it('the shipped file is valid and names no feed (this build recommends none)', () => {
    const shipped = parseRecommended(JSON.parse(readFileSync(new URL('../../public/recommended-feeds.json', import.meta.url), 'utf8')));
    expect(shipped).toEqual({ feeds: [], reportEndpoint: null, problems: [] });
  });

  it('reads feeds with words in every language (one string stands for all) and a default report endpoint', () => {
    const config = parseRecommended({
      feeds: [
        { url: 'https://lists.example.org/abnormal', publicKey: KEY, name: { 'zh-CN': '经营异常名录', en: 'Abnormal operations' }, holds: '杭州市 2025 年列入经营异常名录的企业', publisher: { 'zh-CN': '示例名单维护组' }, staleAfterDays: 3 },
      ],
      reportEndpoint: { url: 'https://reports.example.org/v1/reports', organisation: { 'zh-CN': '示例名单维护组', en: 'Example list keepers' } },
    });
    expect(config.problems).toEqual([]);
    expect(config.feeds[0]).toEqual({
      url: 'https://lists.example.org/abnormal/manifest.json',
      publicKey: KEY,
      name: { 'zh-CN': '经营异常名录', 'zh-TW': '经营异常名录', en: 'Abnormal operations' },
      holds: { 'zh-CN': '杭州市 2025 年列入经营异常名录的企业', 'zh-TW': '杭州市 2025 年列入经营异常名录的企业', en: '杭州市 2025 年列入经营异常名录的企业' },
      publisher: { 'zh-CN': '示例名单维护组', 'zh-TW': '示例名单维护组', en: '示例名单维护组' },
      staleAfterDays: 3,
    });
    expect(config.reportEndpoint?.organisation.en).toBe('Example list keepers');
  });

  it('names what it cannot use: plain http, a bad key, missing words, an endpoint without its organisation', () => {
    const config = parseRecommended({
      feeds: [
        { url: 'http://lists.example.org/', publicKey: KEY, name: 'a', holds: 'b', publisher: 'c' },
        { url: 'https://lists.example.org/', publicKey: 'not a key', name: 'a', holds: 'b', publisher: 'c' },
        { url: 'https://lists.example.org/', publicKey: KEY, name: 'a', holds: 'b' },
        { url: 'http://127.0.0.1:8080/feed/', publicKey: KEY, name: 'local', holds: 'b', publisher: 'c' },
      ],
      reportEndpoint: { url: 'https://reports.example.org/' },
    });
    expect(config.feeds.map((f) => f.url)).toEqual(['http://127.0.0.1:8080/feed/manifest.json']);
    expect(config.problems).toHaveLength(4);
    expect(config.reportEndpoint).toBeNull();
    expect(parseRecommended('[]').problems).toEqual(['the file is not a JSON object']);
  });
});
