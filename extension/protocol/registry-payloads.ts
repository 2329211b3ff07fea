import { ENTITY_STATUSES } from '../../src/feed/format';
import { REGISTRY_LISTS, REGISTRY_SITES, type RegistryReading } from '../../src/feed/registry-answer';
import { IDENTIFIER_KINDS } from '../../src/types';
import type { RegistryProtocol } from './registry-messages';
import { arr, bool, int, nullable, obj, oneOf, str, ValidationError, type Validator } from './validate';

/**
 * The registry page is hostile input like any page: its reading is validated field by field (sizes,
 * enums), never passed on as sent; unknown fields are dropped.
 */
const answer = obj({
  site: oneOf(REGISTRY_SITES),
  url: str(2000),
  query: nullable(str(200)),
  subject: nullable(obj({ name: nullable(str(300)), uscc: nullable(str(40)), status: nullable(str(100)), state: nullable(oneOf(ENTITY_STATUSES)) })),
  entries: arr(obj({ list: oneOf(REGISTRY_LISTS), date: nullable(str(60)), authority: nullable(str(300)), reason: nullable(str(400)), removedOn: nullable(str(60)) }), 100),
  filing: nullable(obj({ kind: oneOf(['icp', 'psb'] as const), number: str(40), domains: arr(str(253), 20), siteName: nullable(str(200)) })),
  notFound: bool,
  words: str(1000),
});

const reading: Validator<RegistryReading> = (v, p) => {
  const state = (v as { state?: unknown } | null)?.state;
  if (state === 'answer') return obj({ state: oneOf(['answer'] as const), answer })(v, p);
  if (state === 'unreadable') return obj({ state: oneOf(['unreadable'] as const), site: oneOf(REGISTRY_SITES), reason: str(300) })(v, p);
  throw new ValidationError(`${p || 'payload'}.state: expected answer or unreadable`);
};

export const REGISTRY_PAYLOADS: { [K in keyof RegistryProtocol]: Validator<RegistryProtocol[K]['payload']> } = {
  openRegistryLookup: obj({ tabId: nullable(int(0)), kind: oneOf(IDENTIFIER_KINDS), value: str(100), site: str(40) }),
  submitRegistryReading: obj({ url: str(2000), reading }),
  getRegistryAnswers: obj({}),
  forgetRegistryAnswers: obj({ ids: nullable(arr(str(300), 10_000)) }),
  getRecommendedFeeds: obj({}),
};
