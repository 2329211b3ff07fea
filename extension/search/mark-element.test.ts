import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { contrast } from '../../tests/unit/contrast';
import { MARK_ATTR, markElement } from './mark-element';

/** A declaration of the mark's inline style (every one of them !important). */
const declared = (el: HTMLElement, prop: string) => new RegExp(`(?:^|;)\\s*${prop}:\\s*([^;!]+?)\\s*!important`).exec(el.getAttribute('style') ?? '')?.[1];

describe('a search result\'s mark', () => {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');

  it.each(['red', 'amber'] as const)('%s: white text on its colour at ≥ 4.5:1, the list as tooltip and name, fixed text only', (level) => {
    const title = '<img src=x onerror=alert(1)> 假冒/钓鱼网站名单';
    const el = markElement(document as unknown as Document, { level, label: '名单网站', title } as Parameters<typeof markElement>[1]);
    expect(el.getAttribute(MARK_ATTR)).toBe(level);
    const background = declared(el, 'background')!;
    expect(contrast(declared(el, 'color')!, background)).toBeGreaterThanOrEqual(4.5);
    expect(el.title).toBe(title);
    expect(el.getAttribute('aria-label')).toBe(title);
    expect(el.children).toHaveLength(0); // the tooltip's text never becomes markup
    expect(el.textContent).toBe('! 名单网站');
  });
});
