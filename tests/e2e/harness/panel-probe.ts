import type { Page } from 'playwright-core';

/**
 * Reads our panel from outside the page through the DevTools protocol, which sees closed shadow roots.
 * Test-only: nothing in the extension exposes the panel; the page itself cannot do this.
 */
interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

export interface PanelState {
  tag: string;
  shadowRootType: string | undefined;
  level: string | null;
  expanded: boolean;
  findingCodes: string[];
  text: string;
  hostStyle: string | null;
  /** Finds a node in the panel by a predicate on its attributes, for clicking. */
  find(pred: (attrs: Record<string, string>, node: CdpNode) => boolean): CdpNode | undefined;
}

const attrsOf = (n: CdpNode): Record<string, string> => {
  const out: Record<string, string> = {};
  const a = n.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) out[a[i]!] = a[i + 1]!;
  return out;
};

function* walk(n: CdpNode): Generator<CdpNode> {
  yield n;
  if (n.nodeName === 'STYLE') return;
  for (const s of n.shadowRoots ?? []) yield* walk(s);
  for (const c of n.children ?? []) yield* walk(c);
}

export async function readPanel(page: Page): Promise<PanelState | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 2 })) as { root: CdpNode };
    const html = root.children?.find((c) => c.nodeName === 'HTML');
    const hostStub = html?.children?.find((c) => c.nodeName.startsWith('LZ-'));
    if (!hostStub) return null;
    const { node: host } = (await cdp.send('DOM.describeNode', { backendNodeId: hostStub.backendNodeId, depth: -1, pierce: true })) as { node: CdpNode };
    const shadow = host.shadowRoots?.[0] as (CdpNode & { shadowRootType?: string }) | undefined;
    const nodes = shadow ? [...walk(shadow)] : [];
    const levelNode = nodes.find((n) => attrsOf(n)['data-level'] !== undefined && (attrsOf(n).class ?? '').split(' ').includes('lz'));
    return {
      tag: host.nodeName,
      shadowRootType: shadow?.shadowRootType,
      level: levelNode ? attrsOf(levelNode)['data-level']! : null,
      expanded: nodes.some((n) => attrsOf(n).role === 'dialog'),
      findingCodes: nodes.map((n) => attrsOf(n)['data-code']).filter((c): c is string => !!c),
      text: nodes
        .filter((n) => n.nodeType === 3)
        .map((n) => n.nodeValue ?? '')
        .join(' '),
      hostStyle: attrsOf(host).style ?? null,
      find: (pred) => nodes.find((n) => n.nodeType === 1 && pred(attrsOf(n), n)),
    };
  } finally {
    await cdp.detach();
  }
}

/** Clicks the middle of a node found in the panel. */
export async function clickPanelNode(page: Page, backendNodeId: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** Polls the panel until `ok` holds; returns the last state read. */
export async function waitForPanel(page: Page, ok: (p: PanelState | null) => boolean, timeoutMs = 20_000): Promise<PanelState | null> {
  const end = Date.now() + timeoutMs;
  let last: PanelState | null = null;
  while (Date.now() < end) {
    last = await readPanel(page);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}
