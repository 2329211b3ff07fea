import { useEffect, useState } from 'preact/hooks';
import type { Allowance } from '../../src/blocking/allowances';
import type { BlockPreferences } from '../../src/blocking/block-preferences';
import { LIST_ACTIONS, LIST_NAMES, type ListAction, type ListName } from '../../src/feed/format';
import { LIST_TITLES } from '../../src/feed/list-names';
import type { Lang } from '../../src/i18n/lang';
import type { BlockingStatus, BlockPreferencesView } from '../protocol/block-messages';
import { send } from '../protocol/send';
import type { T } from '../ui/i18n';

const ACTION_KEY: Record<ListAction, string> = { block: 'optActionBlock', mark: 'optActionMark', inform: 'optActionInform' };

/**
 * 屏蔽与标记: per kind of list, what its entries do for this shopper (the keeper's choice, named, or
 * their own), and how the browser's rules stand.
 */
export function BlockingSection({ t, lang }: { t: T; lang: Lang }) {
  const [view, setView] = useState<BlockPreferencesView | null>(null);
  const [rules, setRules] = useState<BlockingStatus | null>(null);
  useEffect(() => {
    void send('getBlockPreferences', {}).then(setView);
    void send('getBlockingStatus', {}).then(setRules);
  }, []);
  if (!view) return null;
  const choose = (list: ListName, value: string) => {
    const lists: BlockPreferences['lists'] = { ...view.prefs.lists };
    if ((LIST_ACTIONS as readonly string[]).includes(value)) lists[list] = value as ListAction;
    else delete lists[list];
    void send('saveBlockPreferences', { prefs: { version: 1, lists } }).then(async (next) => {
      setView(next);
      setRules(await send('getBlockingStatus', {}));
    });
  };
  return (
    <section class="lz-box" data-section="blocking">
      <h3>{t('optBlockTitle')}</h3>
      <p>{t('optBlockIntro')}</p>
      <ul class="lz-list">
        {LIST_NAMES.map((list) => (
          <li key={list} class="lz-row" data-list={list}>
            <label for={`lz-block-${list}`}>{LIST_TITLES[list][lang]}</label>
            <select id={`lz-block-${list}`} name={list} value={view.prefs.lists[list] ?? ''} onChange={(e) => choose(list, (e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('optBlockFollow', view.keeper[list].map((a) => t(ACTION_KEY[a])).join(' / '))}</option>
              {LIST_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(ACTION_KEY[a])}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      {rules && <p data-rules={rules.domains}>{t('optBlockRules', rules.domains, rules.overflow)}</p>}
      {rules && <p data-guard={rules.guard.length ? 'on' : 'off'}>{t(rules.guard.length ? 'optGuardOn' : 'optGuardOff')}</p>}
    </section>
  );
}

/** The data page's list of the sites the shopper continued to past the block page, each clearable. */
export function ContinuedSitesSection({ t, onChange }: { t: T; onChange: () => void }) {
  const [rows, setRows] = useState<Allowance[]>([]);
  useEffect(() => void send('getContinuedSites', {}).then(setRows), []);
  const forget = (sites: string[] | null) =>
    void send('forgetContinuedSites', { sites }).then((left) => {
      setRows(left);
      onChange();
    });
  return (
    <section class="lz-box" data-section="continued-sites">
      <h3>{t('optContinuedTitle')}</h3>
      <p>{t('optContinuedIntro')}</p>
      {rows.length === 0 ? (
        <p data-empty="continued-sites">{t('optContinuedNone')}</p>
      ) : (
        <>
          <ul class="lz-chips" data-list="continued-sites">
            {rows.map((a) => (
              <li key={a.site} data-site={a.site}>
                {a.site}
                <button type="button" class="lz-btn" onClick={() => forget([a.site])}>
                  {t('optContinuedForget')}
                </button>
              </li>
            ))}
          </ul>
          <div class="lz-row">
            <button type="button" class="lz-btn" data-action="forget-all-continued" onClick={() => forget(null)}>
              {t('optContinuedForgetAll')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
