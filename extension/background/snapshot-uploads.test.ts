import { describe, expect, it } from 'vitest';
import { MAX_SNAPSHOT_CHARS as MAX_UPLOAD_CHARS } from '../protocol/messages';
import { SnapshotUploads } from './snapshot-uploads';

const empty = [
  { kind: 'document' as const, head: '', body: '' },
  { kind: 'shadow' as const, html: '' },
];

describe('SnapshotUploads', () => {
  it('joins the pieces of each part in order and forgets the upload once taken', () => {
    const u = new SnapshotUploads();
    u.add(7, 'a', 0, 'head', '<head>');
    u.add(7, 'a', 0, 'body', '<body>统一社会');
    u.add(7, 'a', 1, 'html', '<p>x</p>');
    expect(u.add(7, 'a', 0, 'body', '信用代码</body>')).toBe('<head><body>统一社会信用代码</body><p>x</p>'.length);
    expect(u.take(7, 'a', empty)).toEqual([
      { kind: 'document', head: '<head>', body: '<body>统一社会信用代码</body>' },
      { kind: 'shadow', html: '<p>x</p>' },
    ]);
    expect(() => u.take(7, 'a', empty)).toThrow(/not found/);
  });

  it('keeps tabs apart, caps the size, and keeps at most two uploads per tab', () => {
    const u = new SnapshotUploads();
    u.add(1, 'a', 0, 'body', 'x');
    expect(() => u.add(2, 'a', 0, 'body', 'y')).toThrow(/another tab/);
    expect(() => u.take(2, 'a', empty)).toThrow(/not found/);
    const big = 'z'.repeat(MAX_UPLOAD_CHARS / 2);
    u.add(3, 'big', 0, 'body', big);
    u.add(3, 'big', 0, 'body', big);
    expect(() => u.add(3, 'big', 0, 'body', 'one more')).toThrow(/larger than/);
    u.add(4, 'p', 0, 'body', '1');
    u.add(4, 'q', 0, 'body', '2');
    u.add(4, 'r', 0, 'body', '3');
    expect(() => u.take(4, 'p', empty)).toThrow(/not found/);
    expect(u.take(4, 'r', empty)[0]).toEqual({ kind: 'document', head: '', body: '3' });
    u.forgetTab(4);
    expect(() => u.take(4, 'q', empty)).toThrow(/not found/);
  });
});
