import { useState } from 'preact/hooks';
import type { Lang } from '../../src/i18n/lang';
import { ASSISTED_SITES } from '../../src/registries/assisted-sites';
import type { Lookup } from '../../src/ui-model/lookups';
import type { T } from './i18n';
import { CopyGlyph, ExternalGlyph } from './icons';

/** Puts text on the clipboard; resolves false when the page or browser refuses. */
export type Copy = (text: string) => Promise<boolean>;

/**
 * Opens an official registry's page through the extension, which remembers which tab asked and reads
 * the registry's answer when it shows (assisted lookup). Absent where that cannot be done.
 */
export type Verify = (lookup: Lookup) => void;

/**
 * Official lookups as links. A site that cannot take the number in its URL gets the number copied
 * first, and the link still opens (the copy never blocks the navigation). A registry whose answer the
 * extension can read ("到…核实") opens through `verify` instead, when given.
 */
export function LookupButtons({ lookups, t, lang, copy, verify }: { lookups: Lookup[]; t: T; lang: Lang; copy: Copy; verify?: Verify | undefined }) {
  const [copied, setCopied] = useState<Lookup['by'] | null>(null);
  return (
    <>
      <div class="lz-actions">
        {lookups.map((l) => {
          const assisted = verify !== undefined && l.by === 'value' && ASSISTED_SITES[l.site.id] !== undefined;
          const label = l.by === 'name' ? 'lookupCopyName' : assisted ? (l.copy ? 'lookupVerifyCopy' : 'lookupVerify') : l.copy ? 'lookupCopy' : 'lookupOpen';
          return (
            <a
              key={l.site.id}
              class={assisted ? 'lz-btn lz-verify' : 'lz-btn'}
              href={l.url}
              target="_blank"
              rel="noopener noreferrer"
              data-site={l.site.id}
              data-action={assisted ? 'verify' : undefined}
              onClick={(e) => {
                if (l.copy) void copy(l.copy).then((ok) => setCopied(ok ? l.by : null));
                if (assisted) {
                  e.preventDefault();
                  verify(l);
                }
              }}
            >
              {l.copy ? <CopyGlyph /> : <ExternalGlyph />}
              {t(label, l.site.name[lang])}
            </a>
          );
        })}
      </div>
      {copied && <div class="lz-toast" role="status">{t(copied === 'name' ? 'copiedName' : 'copied')}</div>}
    </>
  );
}
