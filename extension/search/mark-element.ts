import type { TargetMark } from '../../src/blocking/search-marks';
import { LEVEL_STYLES } from '../../src/ui-model/level-style';

/** The attribute our marks carry: what the page (and the tests) can see of them. */
export const MARK_ATTR = 'data-liangzhao-mark';

/** The panel's own danger and warning colours, with their text colour: ≥ 4.5:1 (the amber #e8710a of before was 3.1:1 with white). */
const COLOUR: Record<TargetMark['level'], { color: string; textColor: string }> = { red: LEVEL_STYLES.danger, amber: LEVEL_STYLES.warning };

/**
 * The mark's look, as its inline style with every declaration !important: the page's style sheets
 * cannot beat it, and it needs no shadow root or style sheet of its own (each of those, per mark,
 * made the frame that shows the marks cost the search page more than all the rest of our work
 * there). It takes the font family, weight and style of the title it stands beside: a font of its
 * own would make the browser find and load another face, with its fallback for Chinese text.
 */
function markStyle(level: TargetMark['level']): string {
  return [
    'all: initial',
    'display: inline-block',
    'vertical-align: middle',
    'margin: 0 0 0 6px',
    'padding: 0 7px',
    'height: 18px',
    'border-radius: 9px',
    `background: ${COLOUR[level].color}`,
    `color: ${COLOUR[level].textColor}`,
    'font-family: inherit',
    'font-weight: inherit',
    'font-style: inherit',
    'font-size: 11px',
    'line-height: 18px',
    'white-space: nowrap',
    'text-decoration: none',
    'cursor: help',
  ]
    .map((d) => `${d} !important`)
    .join('; ');
}

/**
 * A small mark for a search result: one element, its level as an attribute, the list it comes from
 * as its tooltip and accessible name, its word as fixed text. Never page text in HTML: the tooltip
 * is an attribute value, the rest fixed text.
 */
export function markElement(doc: Document, mark: TargetMark): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute(MARK_ATTR, mark.level);
  host.title = mark.title;
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', mark.title);
  host.setAttribute('style', markStyle(mark.level));
  host.textContent = `! ${mark.label}`;
  return host;
}
