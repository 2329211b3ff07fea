import type { Browser, Page } from 'puppeteer-core';

/** A node as WebDriver BiDi serializes it, with the handle an input action can aim at. */
interface BidiNode {
  type: string;
  sharedId?: string;
  value?: { nodeType: number; attributes?: Record<string, string>; children?: BidiNode[]; shadowRoot?: BidiNode | null; localName?: string };
}
interface BidiInternals {
  connection: { send(method: string, params: object): Promise<{ result: { type: string; result?: BidiNode } }> };
}

function* walk(n: BidiNode | null | undefined): Generator<BidiNode> {
  if (!n?.value) return;
  yield n;
  yield* walk(n.value.shadowRoot);
  for (const c of n.value.children ?? []) yield* walk(c);
}

/**
 * Clicks an element of our panel in Firefox, closed shadow root and all: BiDi serializes the panel
 * (includeShadowTree 'all') with a shared id per node, and a pointer action aims at that node, as a
 * person's click would. Test-only, like firefox-panel.ts. False when no element matched.
 */
export async function clickFirefoxPanel(browser: Browser, page: Page, match: (attrs: Record<string, string>) => boolean): Promise<boolean> {
  const bidi = browser as unknown as BidiInternals;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const { result } = await bidi.connection.send('script.evaluate', {
    expression: `Array.from(document.documentElement.children).find((c) => c.tagName.startsWith('LZ-')) ?? null`,
    target: { context },
    awaitPromise: false,
    resultOwnership: 'root',
    serializationOptions: { maxDomDepth: null, includeShadowTree: 'all' },
  });
  const target = [...walk(result.result)].find((n) => n.value?.nodeType === 1 && match(n.value.attributes ?? {}));
  if (!target?.sharedId) return false;
  await bidi.connection.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'lz-mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId: target.sharedId } } },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
  return true;
}
