import { useEffect, useState } from 'preact/hooks';
import type { ImportProblem } from '../../src/personal-lists/personal-lists-file';
import type { PersonalAction, PersonalEntry } from '../../src/personal-lists/personal-entry';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../src/types';
import { send } from '../protocol/send';
import { kindKey, type T } from '../ui/i18n';

/** Layout of this section's form (the options page's shared styles cover the rest). */
const CSS = `.lz-pl-form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.lz-pl-form input[type="text"] { min-width: 180px; }
.lz-pl-form .lz-note-input { font-family: inherit; }
.lz-secondary { border: 1px solid var(--line); background: var(--surface); border-radius: 6px; padding: 5px 12px; font-size: 13px; }
.lz-secondary:hover { border-color: var(--link); }
.lz-file { position: relative; overflow: hidden; cursor: pointer; font-size: 13px; }
.lz-file input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
.lz-file:focus-within { outline: 2px solid var(--link); outline-offset: 2px; }`;

const targetText = (e: PersonalEntry) => (e.target.type === 'domain' ? e.target.pattern : e.target.value);

/** Downloads text as a file from an extension page. */
function download(name: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/**
 * "My lists": shops the user always wants to be warned about, or trusts, by domain (wildcards) or
 * by identifier; export and import as JSON, with every refused entry shown and why.
 */
export function PersonalListsSection({ t }: { t: T }) {
  const [entries, setEntries] = useState<PersonalEntry[]>([]);
  const [action, setAction] = useState<PersonalAction>('warn');
  const [type, setType] = useState<'domain' | 'identifier'>('domain');
  const [kind, setKind] = useState<IdentifierKind>('uscc');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [imported, setImported] = useState<{ added: number; rejected: ImportProblem[]; fileOk: boolean } | null>(null);
  useEffect(() => void send('getPersonalLists', {}).then((r) => setEntries(r.entries)), []);

  const add = async (e: Event) => {
    e.preventDefault();
    const target = type === 'domain' ? { type, pattern: value } : { type, kind, value };
    try {
      setEntries((await send('savePersonalEntry', { entry: { action, target, note, addedAt: new Date().toISOString() } })).entries);
      setValue('');
      setNote('');
      setError('');
    } catch (err) {
      setError(t('plInvalid', String(err).replace(/^.*?savePersonalEntry failed: /, '')));
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const r = await send('importPersonalLists', { text: await file.text() });
    setEntries(r.entries);
    setImported(r);
  };

  const group = (a: PersonalAction) => entries.filter((e) => e.action === a);
  return (
    <section class="lz-box" data-section="personal-lists">
      <style>{CSS}</style>
      <h3>{t('plTitle')}</h3>
      <p>{t('plHelp')}</p>
      <form class="lz-pl-form" onSubmit={(e) => void add(e)}>
        <select aria-label={t('plAction')} value={action} onChange={(e) => setAction((e.currentTarget as HTMLSelectElement).value as PersonalAction)}>
          <option value="warn">{t('plWarn')}</option>
          <option value="trust">{t('plTrust')}</option>
        </select>
        <select aria-label={t('plTargetType')} value={type} onChange={(e) => setType((e.currentTarget as HTMLSelectElement).value as 'domain' | 'identifier')}>
          <option value="domain">{t('plDomain')}</option>
          <option value="identifier">{t('plIdentifier')}</option>
        </select>
        {type === 'identifier' && (
          <select aria-label={t('plKind')} value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as IdentifierKind)}>
            {IDENTIFIER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </select>
        )}
        <input type="text" name="target" aria-label={t(type === 'domain' ? 'plDomain' : 'plIdentifier')} placeholder={type === 'domain' ? '*.shop.example.com' : '91440101MA5CKX2R1G'} value={value} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
        <input type="text" name="note" class="lz-note-input" aria-label={t('plNote')} placeholder={t('plNote')} value={note} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit" class="lz-primary">
          {t('plAdd')}
        </button>
      </form>
      {error && <div class="lz-error" role="alert">{error}</div>}
      <p>{t('plTrustNote')}</p>
      {(['warn', 'trust'] as const).map((a) => (
        <div key={a}>
          <h3 class="lz-sub">{t(a === 'warn' ? 'plWarnList' : 'plTrustList')}</h3>
          {group(a).length === 0 ? (
            <p>{t('plEmpty')}</p>
          ) : (
            <ul class="lz-chips" data-list={`personal-${a}`}>
              {group(a).map((e) => (
                <li key={targetText(e)} title={e.note}>
                  {e.target.type === 'identifier' ? `${t(kindKey(e.target.kind))} ` : ''}
                  {targetText(e)}
                  {e.note ? ` — ${e.note}` : ''}
                  <button type="button" aria-label={t('optAllowlistRemove', targetText(e))} onClick={() => void send('removePersonalEntry', { target: e.target }).then((r) => setEntries(r.entries))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <div class="lz-row lz-pl-io">
        <button type="button" class="lz-secondary" onClick={() => void send('exportPersonalLists', {}).then((r) => download('liangzhao-personal-lists.json', r.text))}>
          {t('plExport')}
        </button>
        <label class="lz-secondary lz-file">
          {t('plImport')}
          <input type="file" accept="application/json,.json" onChange={(e) => void importFile((e.currentTarget as HTMLInputElement).files?.[0])} />
        </label>
      </div>
      {imported && (
        <div role="status" class={imported.fileOk && !imported.rejected.length ? 'lz-saved' : 'lz-error'}>
          {imported.fileOk ? t('plImported', imported.added) : t('plImportFailed')}
          {imported.rejected.length > 0 && (
            <ul>
              {imported.rejected.map((r) => (
                <li key={r.index}>
                  {r.index >= 0 ? t('plRejectedEntry', r.index + 1) : ''}
                  {r.problems.join('; ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
