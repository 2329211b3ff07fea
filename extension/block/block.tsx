/** Block page entry: reads the blocked URL from its own address, asks why, shows BlockApp. */
import browser from 'webextension-polyfill';
import { parseBlockPageUrl } from '../../src/blocking/block-page-url';
import { pickLang } from '../../src/i18n/lang';
import { send } from '../protocol/send';
import { htmlLang } from '../ui/i18n';
import { mountPage } from '../ui/mount-page';
import { BlockApp } from './block-app';
import { blockStrings } from './block-strings';
import { BLOCK_CSS } from './block-styles';

function say(text: string): void {
  const p = document.createElement('p');
  p.className = 'lz-block-wait';
  p.textContent = text;
  document.getElementById('root')?.replaceChildren(p);
}

async function main() {
  // Never inside another page's frame: its "continue" must be the shopper's own click, not a page's trick.
  if (window.top !== window) return;
  const style = document.createElement('style');
  style.textContent = BLOCK_CSS;
  document.head.append(style);
  document.body.classList.add('lz');
  const blocked = parseBlockPageUrl(location.href);
  const guess = blockStrings(pickLang(browser.i18n.getUILanguage()));
  if (!blocked) return say(guess('invalid'));
  say(guess('loading'));
  const explanation = await send('explainBlock', { url: blocked.target, via: blocked.via, fetchDetails: false });
  const t = blockStrings(explanation.lang);
  document.documentElement.lang = htmlLang(explanation.lang);
  document.title = `${t('brand')} · ${t(blocked.via === 'shop' ? 'titleShop' : 'titleSite')}`;
  if (!explanation.reasons.length) {
    // Nothing blocks it now: a rule older than the lists (the worker brings them up to date), or an
    // address some page put here. The block page opens nothing and allows nothing it did not block.
    return say(t('noReason'));
  }
  // Preact renders beside what is in #root: the "checking" line goes first.
  document.getElementById('root')?.replaceChildren();
  mountPage(<BlockApp initial={explanation} via={blocked.via} canGoBack={history.length > 1} />);
}

main().catch((error: unknown) => say(String(error)));
