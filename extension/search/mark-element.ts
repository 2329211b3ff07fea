import type { TargetMark } from '../../src/blocking/search-marks';

/** The attribute our marks carry: what the page (and the tests) can see of them. */
export const MARK_ATTR = 'data-liangzhao-mark';

const CSS = `:host { all: initial; display: inline-block; vertical-align: middle; margin: 0 0 0 6px; line-height: 0; cursor: help; }
span { display: inline-flex; align-items: center; gap: 3px; height: 18px; padding: 0 6px 0 4px; border-radius: 9px;
  font: 700 11px/18px system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #fff; white-space: nowrap; }
span.red { background: #d93025; }
span.amber { background: #e8710a; }
b { display: inline-block; width: 12px; height: 12px; border-radius: 50%; background: #fff; font: 900 10px/12px system-ui, sans-serif; text-align: center; }
span.red b { color: #d93025; } span.amber b { color: #e8710a; }`;

/**
 * A small mark for a search result: a guest element with a closed shadow root (the page's styles do
 * not reach in), its level as an attribute and the list it comes from as its tooltip. Never page
 * text in HTML: the tooltip is an attribute value, the rest fixed text.
 */
export function markElement(doc: Document, mark: TargetMark): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute(MARK_ATTR, mark.level);
  host.title = mark.title;
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', mark.title);
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const badge = doc.createElement('span');
  badge.className = mark.level;
  const bang = doc.createElement('b');
  bang.textContent = '!';
  badge.append(bang, mark.label);
  root.append(style, badge);
  return host;
}
