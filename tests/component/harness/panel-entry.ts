/**
 * The panel on a demo shop page, for the component tests: the engine scans the page it runs on (as
 * the content script's engine did before scans moved to an extension document), and the real panel
 * module (extension/panel/panel-module.ts) renders the verdict with the same callbacks the content
 * session gives it, which send the same messages through the real send(). The shadow root is open
 * here so that the test can use the accessibility tree; the closed root and the host's defences
 * against the page are the e2e tier's business.
 *
 * Query: `lang` (zh-CN, zh-TW, en; default zh-CN), `expand` (1/0; default: danger and warning open),
 * `place=0` (open whole on the right instead of where placement.ts puts it).
 */
import type { Lang } from '../../../src/i18n/lang';
import { elementOf } from '../../../src/scan/evidence';
import { scanPageDetailed } from '../../../src/scan/scan-page';
import { judge, judged } from '../../../src/verdict/judge';
import { css, panel, placement } from '../../../extension/panel/panel-module';
import { send } from '../../../extension/protocol/send';
import { loadPageStrings } from '../../../extension/ui/extension-page-strings';

async function main() {
  const query = new URLSearchParams(location.search);
  const lang = (query.get('lang') ?? 'zh-CN') as Lang;
  const t = await loadPageStrings(lang);
  const scan = scanPageDetailed(document, { url: location.href });
  // The page's own rules, as the worker judges a page when no list is loaded.
  const result = judged(scan.facts, judge(scan.facts, { lang, lookups: { matches: [], entities: [], status: { state: 'none', feeds: [] } } }).verdict);
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
  const autoExpand = query.has('expand') ? query.get('expand') === '1' : level === 'danger' || level === 'warning';
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
        findElement: (ref) => elementOf(scan.locations[ref]),
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
}

main().catch((error: unknown) => {
  document.documentElement.dataset.lzPanel = 'error';
  console.error(error);
});
