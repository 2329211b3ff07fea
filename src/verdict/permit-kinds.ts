import type { IdentifierKind } from '../types';

/**
 * Permits a regulator issues to a company for what it sells (food, drugs, medical devices): they
 * say nothing on their own about who the shop is, so a page showing them needs its licence too.
 */
export const COMPANY_PERMITS: readonly IdentifierKind[] = [
  'food-business',
  'food-production',
  'food-online-filing',
  'food-circulation',
  'drug-info',
  'drug-trade',
  'drug-device-info-filing',
  'device-platform-filing',
  'device-business',
];

export const isPermitOfCompany = (kind: IdentifierKind): boolean => COMPANY_PERMITS.includes(kind);
