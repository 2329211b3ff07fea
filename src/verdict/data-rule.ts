import type { Lang } from '../i18n/lang';
import type { RuleInfo } from './rule';
import type { Finding, ScanResult } from '../types';
import type { DataLookups } from '../feed/lookup-types';

/** What data rules see: the page's scan and what the lists said about its identifiers. */
export interface DataContext {
  result: ScanResult;
  lookups: DataLookups;
  lang: Lang;
}

/** A rule that judges lookups in signed feeds (pure: no I/O; the lookups were done before). */
export interface DataRule extends RuleInfo {
  evaluate(ctx: DataContext): Finding[];
}
