import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { buyButtonRects, choosePlacement, panelRect } from './placement';

const VIEW = { width: 1280, height: 800 };
const HEIGHTS = { full: 640, compact: 200 };

describe('where the panel opens by itself', () => {
  it('in the preferred corner when nothing is under it', () => {
    expect(choosePlacement('right', HEIGHTS, VIEW, [])).toEqual({ side: 'right', compact: false });
    expect(choosePlacement('left', HEIGHTS, VIEW, [{ left: 1000, right: 1200, top: 700, bottom: 760 }])).toEqual({ side: 'left', compact: false });
  });
  it('in the other corner when the preferred one would cover the buy button', () => {
    const buy = { left: 1000, right: 1200, top: 700, bottom: 760 };
    expect(choosePlacement('right', HEIGHTS, VIEW, [buy])).toEqual({ side: 'left', compact: false });
  });
  it('as the compact card when both corners would cover a button at full height', () => {
    const buyRight = { left: 1000, right: 1200, top: 300, bottom: 340 };
    const cartLeft = { left: 40, right: 200, top: 300, bottom: 340 };
    expect(choosePlacement('right', HEIGHTS, VIEW, [buyRight, cartLeft])).toEqual({ side: 'right', compact: true });
    // A button right in the bottom corners cannot be avoided: compact, where the user asked.
    const low = [{ left: 1100, right: 1270, top: 760, bottom: 790 }, { left: 10, right: 300, top: 760, bottom: 790 }];
    expect(choosePlacement('left', HEIGHTS, VIEW, low)).toEqual({ side: 'left', compact: true });
  });
  it('takes the panel\'s real box: 380 px wide, 16 px from the edges, never taller than the viewport', () => {
    expect(panelRect('right', 640, VIEW)).toEqual({ left: 884, right: 1264, top: 144, bottom: 784 });
    expect(panelRect('left', 2000, { width: 360, height: 600 })).toEqual({ left: 16, right: 344, top: 16, bottom: 584 });
  });
  it('finds the page\'s buy and cart controls by their words, in any script, and only those on screen', () => {
    const win = new Window({ width: 1280, height: 800 });
    const doc = win.document as unknown as Document;
    doc.body.innerHTML = '<button id="f">立即抢购</button><button id="g">购买</button><button id="h">购买须知</button><button id="a">立即購買</button><a id="b" href="/cart">加入购物车</a><button id="c">收藏</button><input id="d" type="submit" value="Buy now"><button id="e" style="display:none">去结算</button>';
    const rects = new Map([['f', [700, 10, 760, 40]], ['g', [800, 10, 860, 40]], ['h', [900, 10, 960, 40]], ['a', [1000, 700, 1200, 760]], ['b', [20, 700, 200, 760]], ['c', [300, 700, 400, 760]], ['d', [500, 900, 600, 960]], ['e', [0, 0, 0, 0]]]);
    for (const [id, [left, top, right, bottom]] of rects) {
      (doc.getElementById(id) as HTMLElement).getBoundingClientRect = () => ({ left, top, right, bottom, width: right! - left!, height: bottom! - top!, x: left, y: top, toJSON: () => ({}) }) as DOMRect;
    }
    const found = buyButtonRects(doc, VIEW);
    // 收藏 and 购买须知 are not buy buttons; the submit is below the fold; the hidden one has no box.
    expect(found).toEqual([{ left: 700, top: 10, right: 760, bottom: 40 }, { left: 800, top: 10, right: 860, bottom: 40 }, { left: 1000, top: 700, right: 1200, bottom: 760 }, { left: 20, top: 700, right: 200, bottom: 760 }]);
    void win.happyDOM.close();
  });
});
