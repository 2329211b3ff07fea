import type { PanelElement, PanelView } from './driver';

/** A node of our panel's tree as either browser's protocol serializes it, reduced to what we read. */
export interface RawNode {
  nodeType: number;
  /** Lower-case tag name. */
  name: string;
  value: string | null;
  attrs: Record<string, string>;
  handle: number | string;
  /** Shadow roots first, then children (STYLE contents are skipped). */
  children: RawNode[];
  shadowMode?: string;
}

/**
 * Builds the view of the panel from its host node, the same way for both browsers' protocols
 * (chromium-panel.ts: CDP DOM.describeNode; firefox-panel.ts: BiDi script.evaluate).
 */
export function panelView(host: RawNode): PanelView {
  const shadow = host.children.find((c) => c.shadowMode !== undefined);
  const elements: PanelElement[] = [];
  const texts: string[] = [];
  const walk = (n: RawNode, ancestors: Record<string, string>[]) => {
    if (n.nodeType === 3) texts.push(n.value ?? '');
    if (n.nodeType === 1) elements.push({ attrs: n.attrs, ancestors, handle: n.handle });
    if (n.name === 'style') return;
    const below = n.nodeType === 1 ? [n.attrs, ...ancestors] : ancestors;
    for (const c of n.children) walk(c, below);
  };
  if (shadow) walk(shadow, []);
  const has = (name: string) => elements.map((e) => e.attrs[name]).filter((v): v is string => v !== undefined && v !== '');
  const levelNode = elements.find((e) => e.attrs['data-level'] !== undefined && (e.attrs.class ?? '').split(' ').includes('lz'));
  return {
    tag: host.name.toUpperCase(),
    shadowMode: shadow?.shadowMode,
    level: levelNode?.attrs['data-level'] ?? null,
    expanded: elements.some((e) => e.attrs.role === 'dialog'),
    findingCodes: has('data-code'),
    statusCodes: has('data-status'),
    text: texts.join(' '),
    hostStyle: host.attrs.style ?? null,
    elements,
  };
}

/** The first element of the panel matching `pred`, or undefined. */
export function findInPanel(panel: PanelView | null, pred: (attrs: Record<string, string>, el: PanelElement) => boolean): PanelElement | undefined {
  return panel?.elements.find((e) => pred(e.attrs, e));
}
