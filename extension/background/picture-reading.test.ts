import { describe, expect, it } from 'vitest';
import type { PictureFacts, ScanResult } from '../../src/types';
import type { TabVerdict } from '../protocol/messages';
import { readingVerdict } from './picture-reading';

const URL_ = 'https://shop.example.cn/licence';
const picture = (src: string, complete?: boolean): PictureFacts => ({ picture: src, status: 'read', identifiers: [], licence: null, qr: [], lines: [], ...(complete === undefined ? {} : { complete }) });
const verdict = (pictures?: PictureFacts[]): TabVerdict => {
  const result: ScanResult = { url: URL_, identifiers: [], licenses: [], badges: [], verdict: { level: 'none', findings: [] }, ...(pictures ? { pictures } : {}) };
  return { url: URL_, result, allowlisted: null, reportedAt: 1 };
};

describe('readingVerdict: the tab says its pictures are being read', () => {
  it('marks the page’s own verdict with the number of pictures not read yet', () => {
    expect(readingVerdict(verdict(), URL_, ['/a.jpg', '/b.jpg'])?.reading).toEqual({ pictures: 2 });
    expect(readingVerdict(verdict([picture('/a.jpg')]), URL_, ['/a.jpg', '/b.jpg'])?.reading).toEqual({ pictures: 1 });
    // The page's verdict itself is kept as it was.
    expect(readingVerdict(verdict(), URL_, ['/a.jpg'])?.result?.verdict).toEqual({ level: 'none', findings: [] });
  });

  it('a picture read only in part (complete: false) is still being read', () => {
    expect(readingVerdict(verdict([picture('/a.jpg', false)]), URL_, ['/a.jpg'])?.reading).toEqual({ pictures: 1 });
  });

  it('marks nothing when every picture was read, for another page, or with no verdict yet', () => {
    expect(readingVerdict(verdict([picture('/a.jpg'), picture('/b.jpg', true)]), URL_, ['/a.jpg', '/b.jpg'])).toBeNull();
    expect(readingVerdict(verdict(), 'https://shop.example.cn/other', ['/a.jpg'])).toBeNull();
    expect(readingVerdict(null, URL_, ['/a.jpg'])).toBeNull();
    expect(readingVerdict(verdict(), URL_, [])).toBeNull();
  });
});
