// The sample signed feed for `npm start`: built from tests/fixtures/feed (TEST-ONLY key) into a temp
// directory, and subscribed in the launched extension, so the demo pages show data findings
// (black lists, registration status, credit level).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './ensure.mjs';

const BUILDER = join(root, 'tests/fixtures/feed/build-sample.mjs');

/** Builds the sample feed; returns { dir, publicKey, remove() }, or null when the fixtures are absent. */
export async function buildDemoFeed() {
  if (!existsSync(BUILDER)) return null;
  const { buildSample, SAMPLE } = await import(pathToFileURL(BUILDER).href);
  const dir = mkdtempSync(join(tmpdir(), 'lz-start-feed-'));
  const manifest = await buildSample(dir);
  console.log(`[start] sample feed v${manifest.version}: ${manifest.blacklist.count} black-list keys, ${manifest.entities.count} entities (TEST KEY)`);
  return { dir, publicKey: SAMPLE.publicKey, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Subscribes the running extension to a feed the way the options page does (a privileged message from
 * an extension page) and waits for the first sync. Returns the feed's status.
 */
export async function subscribeDemoFeed(context, extensionId, manifestUrl, publicKey, timeoutMs = 30_000) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/extension/options/options.html`);
    const ask = (type, payload) => page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [type, payload]);
    const sub = await ask('subscribeFeed', { url: manifestUrl, publicKey });
    if (!sub?.ok) throw new Error(sub?.error ?? 'no reply');
    const end = Date.now() + timeoutMs;
    for (;;) {
      const feed = (await ask('getSyncStatus', {}))?.value?.[0];
      if (feed && (feed.status === 'ok' || feed.status === 'error' || Date.now() > end)) return feed;
      await page.waitForTimeout(200);
    }
  } finally {
    await page.close();
  }
}
