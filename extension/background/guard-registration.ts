import browser from 'webextension-polyfill';

/** The guard script's id among the extension's registered content scripts. */
export const GUARD_ID = 'liangzhao-guard';
/** Built by scripts/build-extension.mjs (a standalone script, not in the manifest). */
export const GUARD_FILE = 'extension/guard/navigation-guard.js';

interface RegisteredScript {
  id: string;
}
interface ScriptingApi {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: object[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

/**
 * The document_start guard (extension/guard/navigation-guard.ts) is registered only while some
 * navigation needs its lookup: a blocking list whose domains are not in the browser's rules (too
 * many, or no file of them), a domain file that could not be had, rules the browser refused, or
 * the shopper's own entries the rules cannot express (personal-rules.ts personalLeavesToCheck).
 * Otherwise the browser's rules decide every navigation before it starts, and a script on every
 * page load would only cost the page its injection and a question to the worker. The registration
 * persists across browser restarts (as a manifest entry would), so a page never loads unguarded
 * while the worker starts.
 */
export async function setGuard(needed: boolean): Promise<void> {
  const scripting = (browser as unknown as { scripting?: ScriptingApi }).scripting;
  if (!scripting) throw new Error('this browser has no scripting API: the guard cannot be registered');
  const registered = (await scripting.getRegisteredContentScripts({ ids: [GUARD_ID] })).length > 0;
  if (needed === registered) return;
  if (!needed) return void (await scripting.unregisterContentScripts({ ids: [GUARD_ID] }));
  await scripting.registerContentScripts([
    { id: GUARD_ID, js: [GUARD_FILE], matches: ['http://*/*', 'https://*/*'], runAt: 'document_start', allFrames: false, persistAcrossSessions: true },
  ]);
}
