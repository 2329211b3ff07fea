import type { Browser, Page } from 'puppeteer-core';
import type { Box, PanelView } from './driver';
import { panelView, type RawNode } from './panel-view';

/**
 * Reads our panel in Firefox from outside the page, through WebDriver BiDi: `script.evaluate` with
 * `includeShadowTree: 'all'` serializes closed shadow roots too (the page's own scripts cannot see
 * into them), with a shared id per node that BiDi input actions can click. Test-only, like
 * chromium-panel.ts: nothing in the extension exposes the panel.
 */
interface BidiNode {
  type: string;
  sharedId?: string;
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

/** puppeteer-core's BiDi browser keeps its connection on a getter that its types do not name. */
interface BidiInternals {
  connection: { send(method: string, params: object): Promise<{ result: { type: string; result?: BidiNode } }> };
}

export const bidi = (browser: Browser) => (browser as unknown as BidiInternals).connection;
/** The BiDi browsing context of a page's main frame. */
export const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

function raw(n: BidiNode): RawNode {
  const v = n.value!;
  const kids = [...(v.shadowRoot?.value ? [{ ...raw(v.shadowRoot), shadowMode: v.shadowRoot.value.mode ?? 'open' }] : []), ...(v.children ?? []).filter((c) => c.value).map(raw)];
  return { nodeType: v.nodeType, name: (v.localName ?? '').toLowerCase(), value: v.nodeValue ?? null, attrs: v.attributes ?? {}, handle: n.sharedId ?? '', children: kids };
}

export async function readFirefoxPanel(browser: Browser, page: Page): Promise<PanelView | null> {
  const { result } = await bidi(browser).send('script.evaluate', {
    // The host is a direct child of <html> (as the content script mounts it).
    expression: `Array.from(document.documentElement.children).find((c) => c.tagName.startsWith('LZ-')) ?? null`,
    target: { context: contextOf(page) },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: null, includeShadowTree: 'all' },
  });
  const host = result.type === 'success' ? result.result : undefined;
  if (!host || host.type !== 'node' || !host.value) return null;
  return panelView(raw(host));
}

/**
 * Clicks the middle of a node by its BiDi shared id (closed shadow roots included), as a mouse would,
 * after scrolling it into view as a user would (the panel's list scrolls).
 */
export async function clickFirefoxNode(browser: Browser, page: Page, sharedId: string): Promise<void> {
  await bidi(browser).send('script.callFunction', {
    functionDeclaration: '(el) => el.scrollIntoView({ block: "nearest" })',
    arguments: [{ sharedId }],
    target: { context: contextOf(page) },
    awaitPromise: false,
    resultOwnership: 'none',
  });
  await bidi(browser).send('input.performActions', {
    context: contextOf(page),
    actions: [
      {
        type: 'pointer',
        id: 'lz-mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId } } },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
}

/** Calls `fn` in the page with the node of a shared id and answers what it returns (a string or numbers). */
async function callOnNode(browser: Browser, page: Page, sharedId: string, fn: string): Promise<unknown> {
  const { result } = (await bidi(browser).send('script.callFunction', {
    functionDeclaration: fn,
    arguments: [{ sharedId }],
    target: { context: contextOf(page) },
    awaitPromise: false,
    resultOwnership: 'none',
  })) as unknown as { result: { type: string; result?: { type: string; value?: unknown } } };
  if (result.type !== 'success' || !result.result) throw new Error(`${fn}: ${JSON.stringify(result)}`);
  const v = result.result;
  return v.type === 'array' ? (v.value as { value: unknown }[]).map((x) => x.value) : v.value;
}

/** Where a node of the page is (its border box, in CSS pixels of the viewport), closed shadow roots included. */
export async function firefoxBox(browser: Browser, page: Page, sharedId: string): Promise<Box> {
  const [left, top, width, height] = (await callOnNode(browser, page, sharedId, '(el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }')) as number[];
  return { left: left!, top: top!, width: width!, height: height! };
}

/** innerHTML of our panel's closed shadow root, through WebDriver BiDi; null without a panel. */
export async function firefoxPanelMarkup(browser: Browser, page: Page): Promise<string | null> {
  const { result } = await bidi(browser).send('script.evaluate', {
    expression: `Array.from(document.documentElement.children).find((c) => c.tagName.startsWith('LZ-')) ?? null`,
    target: { context: contextOf(page) },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const shadow = result.type === 'success' ? result.result?.value?.shadowRoot : undefined;
  if (!shadow?.sharedId) return null;
  return (await callOnNode(browser, page, shadow.sharedId, '(root) => root.innerHTML')) as string;
}
