import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { ChangeWatch } from './change-watch';

const flush = () => new Promise((r) => setTimeout(r, 10));

describe('ChangeWatch', () => {
  let win: Window;
  afterEach(async () => {
    await win.happyDOM.close();
  });

  const setup = () => {
    win = new Window({ url: 'https://shop.example.com/item' });
    const doc = win.document as unknown as Document;
    doc.body.innerHTML = '<main id="m"><p>商品</p></main>';
    const ours = doc.createElement('lz-abc123');
    const reasons: string[] = [];
    const watch = new ChangeWatch(doc, (n) => n === ours, (r) => reasons.push(r));
    return { doc, ours, reasons, watch };
  };

  it('reports text and element changes, not scripts, styles, whitespace or our own host', async () => {
    const { doc, ours, reasons, watch } = setup();
    doc.head.append(doc.createElement('script'), doc.createElement('style'));
    doc.body.append(doc.createTextNode('  \n '));
    doc.documentElement.append(ours);
    await flush();
    expect(reasons).toEqual([]);
    doc.getElementById('m')!.append(doc.createTextNode('统一社会信用代码：91440300MA5G8N2T36'));
    await flush();
    expect(reasons).toEqual(['mutation']);
    watch.disconnect();
  });

  it('notices a single-page navigation', async () => {
    const { doc, reasons, watch } = setup();
    (win.history as unknown as History).pushState({}, '', '/item/2');
    doc.getElementById('m')!.append(doc.createElement('div'));
    await flush();
    expect(reasons).toContain('navigation');
    watch.disconnect();
  });

  it('stops reporting after disconnect', async () => {
    const { doc, reasons, watch } = setup();
    watch.disconnect();
    doc.getElementById('m')!.append(doc.createElement('div'));
    await flush();
    expect(reasons).toEqual([]);
  });
});
