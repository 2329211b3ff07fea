/**
 * Copies text for the "copy the number and open the site" lookups. The async Clipboard API needs a
 * secure context; plain-http shops fall back to a hidden textarea inside our own shadow root.
 */
export function makeCopy(scratch: () => HTMLElement | null): (text: string) => Promise<boolean> {
  return async (text) => {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        return true;
      }
    } catch {
      // Denied (no focus, permissions): try the old way.
    }
    const parent = scratch();
    if (!parent) return false;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none;';
    parent.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  };
}
