/**
 * Runs first on every surface page (a classic script, before the surface's module): the extension
 * namespace as webextension-polyfill and send() find it in a real extension page. Messages and the
 * asynchronous APIs go to the test's fake worker through bindings the test exposed
 * (page.exposeFunction); the synchronous ones answer here.
 */
interface Bindings {
  lzSend(request: unknown): Promise<unknown>;
  lzApi(name: string, args: unknown[]): Promise<unknown>;
  /** The browser's UI language, when a test sets one (addInitScript). */
  lzUiLanguage?: string;
}
const w = window as unknown as Bindings & Record<string, unknown>;
const api = (name: string) => (...args: unknown[]) => w.lzApi(name, args);

const browser = {
  runtime: {
    id: 'component-test',
    sendMessage: (request: unknown) => w.lzSend(request),
    getURL: (path: string) => new URL(path.replace(/^\//, ''), location.origin + '/').href,
    getManifest: () => ({ manifest_version: 3, name: '亮照卫士', version: '0.1.0' }),
    openOptionsPage: api('runtime.openOptionsPage'),
  },
  i18n: {
    getUILanguage: () => w.lzUiLanguage ?? 'zh-CN',
    getMessage: () => '',
  },
  tabs: { query: api('tabs.query'), create: api('tabs.create') },
  permissions: { request: api('permissions.request'), contains: api('permissions.contains') },
};
w.browser = browser;
w.chrome = { runtime: { id: browser.runtime.id } };
