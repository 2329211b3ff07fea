import type { Lang } from '../../src/i18n/lang';
import type { Level, ScanResult } from '../../src/types';
import type { T } from '../ui/i18n';
import { SHIELD_OUTLINE, shieldMark } from '../ui/shield-marks';
import { levelText } from '../ui/i18n';
import { listsChecked } from '../../src/ui-model/lists-checked';

/** What the pill shows. */
export type QuietBadgeContent = Omit<QuietBadgeProps, 'onOpen'>;

/** The pill's content for a result: the same level, count and labels as PanelApp's collapsed pill. */
export function quietBadgeContent(result: ScanResult, t: T, lang: Lang): QuietBadgeContent {
  const level = result.verdict.level;
  const { title, hint } = levelText(level, t, listsChecked(result.verdict.findings));
  const count = result.verdict.findings.filter((f) => f.severity !== 'info').length;
  return {
    level,
    lang,
    count,
    title: level === 'ok' ? `${title} — ${hint}` : title,
    // The name starts with the words on the pill (and says the count it shows).
    label: count ? t('namedLevelCount', t('extShortName'), title, count) : t('namedLevel', t('extShortName'), title),
    name: t('extShortName'),
  };
}

export interface QuietBadgeProps {
  level: Level;
  /** The `lang` attribute of the layer (as the panel sets it). */
  lang: string;
  /** Findings worth a count (not info). */
  count: number;
  /** The level's title (the tooltip), and the button's accessible name. */
  title: string;
  label: string;
  /** The short extension name shown on the pill. */
  name: string;
  onOpen: () => void;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The quiet verdict's pill built with plain DOM calls: the same elements, classes and attributes as
 * PanelApp's collapsed pill, so it looks the same, without running Preact or parsing the panel's
 * styles on every page where nothing is wrong. Opening it mounts the real panel (see ContentSession).
 */
export function quietBadge(doc: Document, p: QuietBadgeProps): HTMLElement {
  const layer = doc.createElement('div');
  layer.className = 'lz lz-layer';
  layer.dataset.level = p.level;
  layer.lang = p.lang;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'lz-pill';
  button.setAttribute('aria-label', p.label);
  button.title = p.title;
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', p.onOpen);
  const svg = doc.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({ viewBox: '0 0 30 30', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(k, v);
  const outline = doc.createElementNS(SVG, 'path');
  outline.setAttribute('d', SHIELD_OUTLINE);
  outline.setAttribute('fill', 'currentColor');
  const mark = doc.createElementNS(SVG, 'path');
  for (const [k, v] of Object.entries(shieldMark(p.level))) mark.setAttribute(k, v);
  svg.append(outline, mark);
  const name = doc.createElement('span');
  name.textContent = p.name;
  button.append(svg, name);
  if (p.count > 0) {
    const count = doc.createElement('span');
    count.className = 'lz-count';
    count.textContent = String(p.count);
    button.append(count);
  }
  layer.append(button);
  return layer;
}
