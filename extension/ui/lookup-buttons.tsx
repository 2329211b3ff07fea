import { useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import type { Lookup } from '../../src/ui-model/lookups';
import type { T } from './i18n';
import { CopyGlyph, ExternalGlyph } from './icons';

/** Puts text on the clipboard; resolves false when the page or browser refuses. */
export type Copy = (text: string) => Promise<boolean>;

/**
 * Official lookups as links. A site that cannot take the number in its URL gets the number copied
 * first, and the link still opens (the copy never blocks the navigation).
 */
export function LookupButtons({ lookups, t, lang, copy }: { lookups: Lookup[]; t: T; lang: Lang; copy: Copy }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <div class="lz-actions">
        {lookups.map((l) => (
          <a
            key={l.site.id}
            class="lz-btn"
            href={l.url}
            target="_blank"
            rel="noopener noreferrer"
            data-site={l.site.id}
            onClick={() => {
              if (l.copy) void copy(l.copy).then(setCopied);
            }}
          >
            {l.copy ? <CopyGlyph /> : <ExternalGlyph />}
            {l.copy ? t('lookupCopy', l.site.name[lang]) : t('lookupOpen', l.site.name[lang])}
          </a>
        ))}
      </div>
      {copied && <div class="lz-toast" role="status">{t('copied')}</div>}
    </>
  );
}
