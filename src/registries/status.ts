import type { EntityStatus } from '../feed/format';

/**
 * 登记状态 as registries write it → the feed's three states. 吊销 wins over 注销 ("吊销，已注销" is
 * both; the licence was revoked first). Anything else (迁出, 停业, 清算 …) is kept as text only.
 */
export function entityState(status: string | null): EntityStatus | null {
  if (!status) return null;
  if (status.includes('吊销') || status.includes('吊銷')) return '吊销';
  if (status.includes('注销') || status.includes('註銷')) return '注销';
  if (/存续|存續|在营|在營|开业|開業|在册|在冊|在业|在業/.test(status)) return '存续';
  return null;
}
