import { isLicencePicture } from '../picture-codes';
import { makeFinding, type PageRule } from '../rule';

/** What a licence picture's QR code claims, in the finding's words. */
const QR_CLAIM = { 'zh-CN': '营业执照二维码', 'zh-TW': '營業執照二維碼', en: 'licence QR code' } as const;

/**
 * A link claims an official verification (亮照, 红盾, 公安备案…) but goes to a host no authority runs;
 * or a licence picture's QR code does (a QR code on a licence claims the registry, whatever it says).
 */
export const badgeSpoofed: PageRule = {
  code: 'badge-spoofed',
  severity: 'danger',
  judges: 'page',
  topic: 'shop',
  message: {
    'zh-CN': '“{claims}”标识声称经过官方验证，却链接到非官方网站 {host}',
    'zh-TW': '「{claims}」標識聲稱經過官方驗證，卻連結到非官方網站 {host}',
    en: 'The “{claims}” badge claims an official verification but links to {host}, which is not an official site',
  },
  advice: {
    'zh-CN': '伪造亮照或备案标识是假冒网店的常见手法。请勿相信该标识，到国家企业信用信息公示系统（www.gsxt.gov.cn）或公安备案网站自行核实。',
    'zh-TW': '偽造亮照或備案標識是假冒網店的常見手法。請勿相信該標識，到國家企業信用信息公示系統（www.gsxt.gov.cn）或公安備案網站自行核實。',
    en: 'Fake license or filing badges are a common scam-shop trick. Do not trust this badge; check the shop yourself on www.gsxt.gov.cn or the public-security filing site.',
  },
  evaluate({ facts: { badges, pictures = [] }, lang }) {
    const links = badges
      .filter((b) => !b.official && !b.selfHosted)
      .map((b) => makeFinding(badgeSpoofed, lang, { claims: b.claims, host: b.host }, `${b.claims} → ${b.href}`, b.ref));
    const codes = pictures.flatMap((p) =>
      p.qr
        .filter((q) => q.host !== null && !q.official && (q.code !== null || isLicencePicture(p)))
        .map((q) => makeFinding(badgeSpoofed, lang, { claims: QR_CLAIM[lang], host: q.host! }, `${p.picture}: QR → ${q.text}`, p.ref)),
    );
    return [...links, ...codes];
  },
};
