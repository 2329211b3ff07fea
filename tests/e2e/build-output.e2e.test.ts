import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dist = (t: string) => join(repo, 'dist', t);
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const manifest = (t: string) => JSON.parse(readFileSync(join(dist(t), 'manifest.json'), 'utf8'));

describe('the built extension (dist/)', () => {
  it('Chrome: MV3 service worker, fewest permissions, no source maps', () => {
    const m = manifest('chrome');
    expect(m.manifest_version).toBe(3);
    expect(m.background.service_worker).toBeTruthy();
    expect(m.background.scripts).toBeUndefined();
    // storage: settings and verdicts; alarms: list sync; activeTab: the screenshot a user attaches to
    // a report; offscreen: the document where page snapshots are scanned (a service worker has no
    // DOMParser) and where licence pictures are read; declarativeNetRequestWithHostAccess: the
    // browser's own redirect of a listed site to the block page; contextMenus: the item
    // "用亮照卫士识别这张执照" on pictures (its click grants activeTab for that tab); scripting: the
    // document_start guard is registered only while some list's sites need its lookup (no new
    // reach: it runs on the pages the content scripts and host permissions already cover, and
    // Chrome shows no warning for it). Nothing broader (no tabs, webRequest).
    for (const p of m.permissions) expect(['storage', 'alarms', 'activeTab', 'offscreen', 'declarativeNetRequestWithHostAccess', 'contextMenus', 'scripting'], p).toContain(p);
    // The guard ships as one standalone script and is in no manifest entry (guard-registration.ts).
    expect(existsSync(join(dist('chrome'), 'extension/guard/navigation-guard.js'))).toBe(true);
    expect(m.content_scripts.flatMap((c: { js: string[] }) => c.js).some((f: string) => f.includes('guard'))).toBe(false);
    expect(existsSync(join(dist('chrome'), 'extension/offscreen/offscreen.html'))).toBe(true);
    expect(m.permissions).toContain('storage');
    // The hosts the content scripts already run on, no more: Chrome redirects a navigation only for
    // explicit host permissions (the content scripts' match patterns do not count there).
    expect(m.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    // The panel module, which the content script imports when the panel opens, reachable only
    // through Chrome's per-session dynamic id, so pages cannot probe for our files; and the block
    // page, which the redirect rules send a listed site's navigation to (by its static address).
    expect(m.web_accessible_resources).toEqual([
      { resources: ['extension/panel/panel.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
      { resources: ['extension/block/block.html'], matches: ['http://*/*', 'https://*/*'] },
    ]);
    expect(existsSync(join(dist('chrome'), 'extension/panel/panel.js'))).toBe(true);
    expect(m.content_scripts[0].matches).toEqual(['http://*/*', 'https://*/*']);
    expect(m.default_locale).toBe('zh_CN');
    for (const f of walk(dist('chrome'))) {
      expect(f.endsWith('.map'), f).toBe(false);
      if (f.endsWith('.js')) expect(readFileSync(f, 'utf8'), f).not.toMatch(/sourceMappingURL|https?:\/\/[^'"\s]*\.js['"]/);
    }
    // Every file the manifest names exists.
    for (const f of [m.background.service_worker, m.action.default_popup, m.options_ui.page, m.storage.managed_schema, ...m.content_scripts[0].js, ...Object.values(m.icons)]) {
      expect(existsSync(join(dist('chrome'), f as string)), f as string).toBe(true);
    }
  });

  it('Firefox: background scripts, gecko id, same permissions (no offscreen: its background page parses)', () => {
    const m = manifest('firefox');
    expect(m.manifest_version).toBe(3);
    expect(m.background.scripts?.length).toBe(1);
    expect(m.background.service_worker).toBeUndefined();
    expect(m.browser_specific_settings.gecko.id).toBe('liangzhao-guard@liangzhao.example');
    expect(m.permissions).toEqual(manifest('chrome').permissions.filter((p: string) => p !== 'offscreen'));
  });

  it('both builds carry the picture reader: models, keys and WASM from the npm packages (scripts/ocr-assets.mjs)', () => {
    for (const t of ['chrome', 'firefox']) {
      for (const f of ['det.onnx', 'rec.onnx', 'keys.txt', 'zxing_reader.wasm']) expect(statSync(join(dist(t), 'ocr', f)).size, `${t} ocr/${f}`).toBeGreaterThan(20_000);
      expect(walk(dist(t)).some((f) => /ort-wasm[^/]*\.wasm$/.test(f)), `${t}: ONNX Runtime's WASM`).toBe(true);
    }
  });

  it('zips both builds', () => {
    for (const t of ['chrome', 'firefox']) {
      const zip = readFileSync(join(repo, 'dist', `liangzhao-guard-${t}.zip`));
      expect(zip.readUInt32LE(0)).toBe(0x04034b50);
      expect(zip.includes(Buffer.from('manifest.json'))).toBe(true);
    }
  });

  it('passes `web-ext lint` with no errors', () => {
    const res = spawnSync(process.execPath, [join(repo, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', dist('firefox'), '--output', 'json', '--no-input'], {
      encoding: 'utf8',
      cwd: repo,
    });
    const report = JSON.parse(res.stdout.slice(res.stdout.indexOf('{')));
    expect(report.errors, JSON.stringify(report.errors)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
