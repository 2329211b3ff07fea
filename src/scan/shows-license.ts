import type { Badge } from '../types';
import type { PageFacts } from './facts';

/** Where business-license verifications live (not 公安/ICP filings, which say nothing of the company). */
const LICENSE_AUTHORITY = /企业信用信息公示|市场监督管理|工商|企业信用网/;
const LICENSE_CLAIM = /亮照|营业执照|執照|红盾|紅盾|工商|企业信用|企業信用/;

/** A USCC or a 15-digit registration number carried in a badge link (serial=, uniscid=, regno=). */
const BUSINESS_ID = /^[0-9A-HJ-NP-RTUW-Y]{18}$|^\d{15}$/;

function isLicenseBadge(b: Badge): boolean {
  if (!b.official) return false;
  return LICENSE_AUTHORITY.test(b.authority ?? '') || LICENSE_CLAIM.test(b.claims) || b.embedded.some((e) => BUSINESS_ID.test(e));
}

/**
 * Does the page show any business license: an identifier, a license block, an official 亮照 badge,
 * or a licence picture (even one that could not be read: that is "could not read", not "no licence").
 */
export function showsLicense(scan: Pick<PageFacts, 'identifiers' | 'licenses' | 'badges'> & Pick<Partial<PageFacts>, 'pictures'>): boolean {
  return (
    (scan.pictures?.length ?? 0) > 0 ||
    scan.identifiers.some((i) => i.kind === 'uscc' || i.kind === 'regno') ||
    scan.licenses.length > 0 ||
    scan.badges.some(isLicenseBadge)
  );
}
