import type { Page } from 'playwright-core';
import type { Box, PanelView } from './driver';
import { panelView, type RawNode } from './panel-view';

/**
 * Reads our panel from outside the page through the DevTools protocol, which sees closed shadow roots.
 * Test-only: nothing in the extension exposes the panel; the page itself cannot do this.
 */
interface CdpNode {
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

function raw(n: CdpNode & { shadowRootType?: string }): RawNode {
  const attrs: Record<string, string> = {};
  const a = n.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) attrs[a[i]!] = a[i + 1]!;
  return {
    nodeType: n.nodeType,
    name: n.nodeName.toLowerCase(),
    value: n.nodeValue ?? null,
    attrs,
    handle: n.backendNodeId,
    children: [...(n.shadowRoots ?? []).map((s) => ({ ...raw(s), shadowMode: s.shadowRootType ?? 'open' })), ...(n.children ?? []).map(raw)],
  };
}

export async function readChromiumPanel(page: Page): Promise<PanelView | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 2 })) as { root: CdpNode };
    const html = root.children?.find((c) => c.nodeName === 'HTML');
    // The content script mounts the host as a direct child of <html>.
    const stub = html?.children?.find((c) => c.nodeName.startsWith('LZ-'));
    if (!stub) return null;
    const { node } = (await cdp.send('DOM.describeNode', { backendNodeId: stub.backendNodeId, depth: -1, pierce: true })) as { node: CdpNode };
    return panelView(raw(node));
  } finally {
    await cdp.detach();
  }
}

/**
 * Clicks the middle of a node of the page (closed shadow roots included), as a mouse would, after
 * scrolling it into view as a user would (the panel's list scrolls).
 */
export async function clickChromiumNode(page: Page, backendNodeId: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** Where a node of the page is (its border box, in CSS pixels of the viewport), closed shadow roots included. */
export async function chromiumBox(page: Page, backendNodeId: number): Promise<Box> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    return { left: x1, top: y1, width: x3 - x1, height: y3 - y1 };
  } finally {
    await cdp.detach();
  }
}

/** innerHTML of our panel's closed shadow root, through the DevTools protocol; null without a panel. */
export async function chromiumPanelMarkup(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 2 })) as { root: CdpNode };
    const stub = root.children?.find((c) => c.nodeName === 'HTML')?.children?.find((c) => c.nodeName.startsWith('LZ-'));
    if (!stub) return null;
    const { node } = (await cdp.send('DOM.describeNode', { backendNodeId: stub.backendNodeId, depth: 1, pierce: true })) as { node: CdpNode };
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
    const { result } = (await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { return this.innerHTML; }', returnByValue: true })) as { result: { value: string } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}
