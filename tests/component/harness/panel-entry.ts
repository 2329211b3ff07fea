/**
 * The panel on a demo shop page, for the component tests: the engine scans the page it runs on (as
 * the content script's engine did before scans moved to an extension document), and the real panel
 * module (extension/panel/panel-module.ts) renders the verdict with the same callbacks the content
 * session gives it, which send the same messages through the real send(). The shadow root is open
 * here so that the test can use the accessibility tree; the closed root and the host's defences
 * against the page are the e2e tier's business.
 *
 * Query: `lang` (zh-CN, zh-TW, en; default zh-CN), `expand` (1/0; default: danger and warning open),
 * `place=0` (open whole on the right instead of where placement.ts puts it), `open=1` (opened by the
 * user: whole, whatever the level), `pictures=1` (the page's
 * pictures are sent to be read as the content session sends them: a `checkPage` with the pictures,
 * answered by the test's fake worker; meanwhile the panel shows the reading state and the reader's
 * progress, asked with the content session's own PictureProgress; then the answer's verdict).
 */
import type { Lang } from '../../../src/i18n/lang';
import { elementOf } from '../../../src/scan/evidence';
import { scanPageDetailed } from '../../../src/scan/scan-page';
import { judge, judged } from '../../../src/verdict/judge';
import { css, panel, placement } from '../../../extension/panel/panel-module';
import { send } from '../../../extension/protocol/send';
import { loadPageStrings } from '../../../extension/ui/extension-page-strings';
import { PictureProgress } from '../../../extension/content/picture-progress';
import type { PictureReadingView } from '../../../extension/ui/reading-note';
import type { ScanResult } from '../../../src/types';

/** Refs from here on name the page's pictures (the harness's own numbering, as the worker copies a picture's ref). */
export const PICTURE_REF = 100_000;

async function main() {
  const query = new URLSearchParams(location.search);
  const lang = (query.get('lang') ?? 'zh-CN') as Lang;
  const t = await loadPageStrings(lang);
  const scan = scanPageDetailed(document, { url: location.href });
  // The page's own rules, as the worker judges a page when no list is loaded.
  let result: ScanResult = judged(scan.facts, judge(scan.facts, { lang, lookups: { matches: [], entities: [], status: { state: 'none', feeds: [] } } }).verdict);
  let reading: PictureReadingView | null = null;
  const images = [...document.images];
  const level = result.verdict.level;
  const host = document.createElement('lz-test-panel');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  // In <body>, unlike the extension's host (under <html>, out of the page's reach): axe-core measures
  // colour contrast only for what it finds in the body, and the panel's colours are what is checked here.
  document.body.append(host);
  const expandFor = (l: string) => (query.has('expand') ? query.get('expand') === '1' : l === 'danger' || l === 'warning');
  let autoExpand = expandFor(level);
  // Where the panel opens by itself, as the content session asks the module (never over a buy button).
  // `place=0`: the whole panel on the right, wherever the page's buttons are.
  const place = autoExpand && query.get('place') !== '0' ? placement(document, 'right', level) : { side: 'right' as const, compact: false };
  const show = (side: 'left' | 'right') =>
    panel(
      {
        result,
        t,
        lang,
        side,
        startCompact: place.compact,
        autoExpand,
        openedByUser: query.get('open') === '1',
        findElement: (ref) => (ref >= PICTURE_REF ? (images[ref - PICTURE_REF] ?? null) : elementOf(scan.locations[ref])),
        reading,
        onDismiss: () => void send('dismissSite', { host: location.hostname }),
        onLeave: () => void send('leavePage', {}),
        onDock: (next) => {
          void send('setPanelSide', { side: next });
          show(next);
        },
        onReport: (dispute) => void send('openReportPage', { tabId: null, dispute, title: document.title.slice(0, 300) }),
      },
      () => mount,
    ).render(mount);
  show(place.side);
  document.documentElement.dataset.lzPanel = level;
  if (query.get('pictures') !== '1' || !images.length) return;
  // As the content session does: the reading state at once, the progress while the panel is open, the answer's verdict.
  reading = { pictures: images.length, engine: null };
  const progress = new PictureProgress(
    () => send('getPictureStatus', {}),
    (engine) => {
      if (!reading) return;
      reading = { ...reading, engine };
      show(place.side);
    },
  );
  show(place.side);
  progress.start();
  const pictures = images.map((img, i) => ({ src: img.currentSrc || img.src, data: null, crop: null, ref: PICTURE_REF + i, error: 'component test: no bytes' }));
  const reply = await send('checkPage', { url: location.href, parts: [], truncated: false, upload: null, pictures });
  progress.stop();
  reading = null;
  if (reply.result) result = reply.result;
  autoExpand = expandFor(result.verdict.level);
  show(place.side);
  document.documentElement.dataset.lzPanel = `read:${result.verdict.level}`;
}

main().catch((error: unknown) => {
  document.documentElement.dataset.lzPanel = 'error';
  console.error(error);
});
