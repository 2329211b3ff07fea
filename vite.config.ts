/**
 * Builds the extension for one browser: TARGET=chrome (default) or TARGET=firefox, into dist/<target>/.
 * manifest.json at the repository root is the single source; Firefox gets background.scripts and a
 * gecko id instead of a service worker (see firefoxManifest).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';
const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/** The gecko id is permanent: storage and permissions in Firefox are keyed by it. */
export const GECKO_ID = 'liangzhao-guard@liangzhao.example';

function firefoxManifest(source: typeof manifest): ManifestV3Export {
  // Firefox has no managed_schema: its managed storage comes from policies or a managed-storage
  // manifest on the machine (src/lists/managed-feeds.ts), with no schema in the extension.
  // Firefox's background is a page with a DOMParser: no offscreen document (extension/background/page-engine.ts).
  // Firefox counts the content scripts' match patterns (every http(s) page) as host permissions,
  // which is what its declarativeNetRequest redirects need: no host_permissions of their own there.
  const { background, storage: _schema, permissions, host_permissions: _hosts, ...rest } = source;
  return {
    ...rest,
    permissions: permissions.filter((p) => p !== 'offscreen'),
    background: { scripts: [background.service_worker] },
    browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } } },
  } as ManifestV3Export;
}

// The content script is a standalone IIFE: no loader and no web-accessible chunks, so pages cannot
// probe for our files.
const CONTENT_SCRIPT = 'extension/content/content-script.ts';
// The registry reader runs on the registries' own hosts only (manifest.json), standalone too.
const REGISTRY_SCRIPT = 'extension/registry/registry-content.ts';
// The search marks run only on search and listing pages. (The document_start guard is registered by
// the worker when needed, and built by scripts/build-extension.mjs.)
const SEARCH_SCRIPT = 'extension/search/search-marks.ts';

/**
 * Writes the modules each output file was built from (the build's own module graph) to
 * build/bundle-inputs/<target>.json, outside what ships: scripts/bundle-check.mjs proves from it
 * that no server-only or node-only code is in the extension.
 */
function recordBundleInputs(): Plugin {
  return {
    name: 'liangzhao:record-bundle-inputs',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file.moduleIds]] : []));
      mkdirSync('build/bundle-inputs', { recursive: true });
      writeFileSync(`build/bundle-inputs/${target}.json`, JSON.stringify({ chunks: Object.fromEntries(chunks), modules: [...this.getModuleIds()] }));
    },
  };
}

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    sourcemap: false,
    target: target === 'firefox' ? 'firefox128' : 'chrome120',
    chunkSizeWarningLimit: 800,
    // Extension pages the manifest does not name (opened as tabs by the extension itself).
    // Chrome's offscreen document, where the engine scans page snapshots (no DOMParser in a service worker).
    rollupOptions: {
      input: {
        report: 'extension/report/report.html',
        'my-reports': 'extension/report/my-reports.html',
        firstrun: 'extension/firstrun/firstrun.html',
        // The block page: the browser's redirect rules and the guard send a tab there (web-accessible).
        block: 'extension/block/block.html',
        ...(target === 'chrome' ? { offscreen: 'extension/offscreen/offscreen.html' } : {}),
      },
    },
  },
  plugins: [
    crx({
      manifest: target === 'firefox' ? firefoxManifest(manifest) : (manifest as ManifestV3Export),
      browser: target,
      contentScripts: { standaloneFiles: [CONTENT_SCRIPT, REGISTRY_SCRIPT, SEARCH_SCRIPT] },
    }),
    recordBundleInputs(),
  ],
});
