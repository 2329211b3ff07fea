import type { Browser, Page } from 'puppeteer-core';

/**
 * Reads our panel in Firefox from outside the page, through WebDriver BiDi: `script.evaluate` with
 * `includeShadowTree: 'all'` serializes closed shadow roots too (the page's own scripts cannot see
 * into them). Test-only, like panel-probe.ts for Chromium: nothing in the extension exposes the panel.
 */
export interface FirefoxPanel {
  tag: string;
  shadowMode: string | undefined;
  level: string | null;
  expanded: boolean;
  findingCodes: string[];
  /** Codes of the data-status notes (lists missing, stale, not checked). */
  statusCodes: string[];
  text: string;
}

/** A BiDi node as `script.evaluate` serializes it (the parts we read). */
interface BidiNode {
  type: string;
  value?: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    mode?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}

/** puppeteer-core's BiDi browser keeps its connection on a public getter that its types do not name. */
interface BidiInternals {
  connection: { send(method: 'script.evaluate', params: object): Promise<{ result: { type: string; result?: BidiNode } }> };
}

function* walk(n: BidiNode | null | undefined): Generator<BidiNode> {
  if (!n?.value) return;
  yield n;
  if (n.value.localName === 'style') return;
  yield* walk(n.value.shadowRoot);
  for (const c of n.value.children ?? []) yield* walk(c);
}

export async function readFirefoxPanel(browser: Browser, page: Page): Promise<FirefoxPanel | null> {
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await (browser as unknown as BidiInternals).connection.send('script.evaluate', {
    // The host is a direct child of <html> (as the content script mounts it).
    expression: `Array.from(document.documentElement.children).find((c) => c.tagName.startsWith('LZ-')) ?? null`,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: null, includeShadowTree: 'all' },
  });
  const host = result.type === 'success' ? result.result : undefined;
  if (!host || host.type !== 'node' || !host.value) return null;
  const shadow = host.value.shadowRoot ?? undefined;
  const nodes = [...walk(shadow)];
  const attrs = (n: BidiNode) => n.value?.attributes ?? {};
  const levelNode = nodes.find((n) => attrs(n)['data-level'] !== undefined && (attrs(n).class ?? '').split(' ').includes('lz'));
  return {
    tag: (host.value.localName ?? '').toUpperCase(),
    shadowMode: shadow?.value?.mode,
    level: levelNode ? attrs(levelNode)['data-level']! : null,
    expanded: nodes.some((n) => attrs(n).role === 'dialog'),
    findingCodes: nodes.map((n) => attrs(n)['data-code']).filter((c): c is string => !!c),
    statusCodes: nodes.map((n) => attrs(n)['data-status']).filter((c): c is string => !!c),
    text: nodes
      .filter((n) => n.value?.nodeType === 3)
      .map((n) => n.value?.nodeValue ?? '')
      .join(' '),
  };
}

/** Polls the panel until `ok` holds (reloading the page every `reloadMs`, when given); returns the last state. */
export async function waitForFirefoxPanel(browser: Browser, page: Page, ok: (p: FirefoxPanel | null) => boolean, { timeoutMs = 20_000, reloadMs = 0 } = {}): Promise<FirefoxPanel | null> {
  const end = Date.now() + timeoutMs;
  let reloadAt = reloadMs ? Date.now() + reloadMs : Infinity;
  let last: FirefoxPanel | null = null;
  while (Date.now() < end) {
    last = await readFirefoxPanel(browser, page).catch(() => null);
    if (ok(last)) return last;
    if (Date.now() > reloadAt) {
      await page.reload();
      reloadAt = Date.now() + reloadMs;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return last;
}
