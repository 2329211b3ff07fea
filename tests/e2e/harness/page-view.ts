/** What the page itself can learn about our panel (runs in the page): that a host exists, nothing inside it. */
export function pageView(): { tag: string; shadowRoot: 'hidden' | 'visible'; text: string } | null {
  const host = Array.from(document.documentElement.children).find((c) => c.tagName.startsWith('LZ-'));
  return host ? { tag: host.tagName, shadowRoot: host.shadowRoot === null ? 'hidden' : 'visible', text: host.textContent ?? '' } : null;
}
