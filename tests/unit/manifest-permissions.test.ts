import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/**
 * Issue 15, item 4: the fewest permissions. The report's screenshot once asked for every site
 * ("<all_urls>") at run time; capturing a tab needs activeTab (the user's click on the toolbar button
 * on that tab), and nothing more is asked for.
 */
describe('the permissions the extension can ask for', () => {
  it("are the declared API permissions and the content scripts' own hosts only, nothing optional", () => {
    // Host permissions no wider than where the content scripts run (so the install prompt is the
    // same): Chrome's redirect of a listed site to the block page needs them (issue 16).
    const scripts = manifest.content_scripts as { matches: string[] }[];
    expect(manifest.host_permissions).toEqual(scripts[0]!.matches);
    expect(manifest.optional_host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    // scripting: the document_start guard is registered only while a list needs it (issue 11's
    // speed): no new reach, the same pages as the content scripts, no install warning in Chrome.
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'activeTab', 'offscreen', 'declarativeNetRequestWithHostAccess', 'contextMenus', 'scripting']);
  });

  it('include no request for more at run time', () => {
    const field = readFileSync(new URL('../../extension/report/screenshot-field.tsx', import.meta.url), 'utf8');
    expect(field).not.toMatch(/permissions\.request/);
  });
});
