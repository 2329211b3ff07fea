import { render, type ComponentChild } from 'preact';
import { PAGE_CSS } from './page-styles';

/** Mounts an extension page's Preact root with the shared styles. */
export function mountPage(app: ComponentChild): void {
  if (!document.getElementById('lz-page-css')) {
    const style = document.createElement('style');
    style.id = 'lz-page-css';
    style.textContent = PAGE_CSS;
    document.head.append(style);
  }
  document.body.classList.add('lz');
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  render(app, root);
}

/** Copies text from an extension page (always a secure context). */
export async function copyFromPage(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
