/**
 * Any other permit or filing a page states under a label ("酒类商品零售许可证：粤…", "危险化学品经营
 * 许可证编号：…"). Reported as kind `permit` with its label; never judged, since there is no
 * published form to judge it by. Product-level numbers (radio equipment, product registrations)
 * are not merchant permits and are left out.
 */
// Label and value apart: a colon, a tab (cell), a line break (block) or two spaces between them.
const PERMIT = /(?:许可证|经营许可|备案凭证|经营备案|资格证书?|批准证书|登记证|备案证明|备案证)(?:编号|号码|证号|号)?(?:[ \u200B]*[:：\t\n][ \u200B\t\n]*|[ \u200B]{2,})([A-Z0-9\u4E00-\u9FFF()〔〕[\]-]{4,40})/g;
/** The label's head: up to 12 Chinese characters right before the anchor word. */
const HEAD = /[\u4E00-\u9FFF]{1,12}$/;
const NOT_MERCHANT = /无线电|发射设备|产品|注册证|器械注册|ICP|公网安备|网站备案|增值电信|特种设备|商标|专利|软件|著作|进网|CCC|3C/;
const FILLER = /^.*?(?:取得|持有|具备|获得|已有|本店|本公司|我司|的)/;

export interface PermitMatch {
  label: string;
  value: string;
  start: number;
  end: number;
}

/** Labelled permits in normalized text. */
export function* findPermits(norm: string): Generator<PermitMatch> {
  PERMIT.lastIndex = 0;
  for (let m = PERMIT.exec(norm); m; m = PERMIT.exec(norm)) {
    const head = HEAD.exec(norm.slice(Math.max(0, m.index - 12), m.index))?.[0] ?? '';
    const anchor = /^[^:：\t ]+/.exec(m[0])![0];
    const full = head + anchor.replace(/(?:编号|号码|证号|号)$/, '');
    const label = full.replace(FILLER, '') || full;
    const raw = m[1]!.replace(/[-(〔[]+$/, '');
    if (!head || NOT_MERCHANT.test(label) || (raw.match(/\d/g)?.length ?? 0) < 4) continue;
    const start = m.index + m[0].length - m[1]!.length;
    yield { label, value: raw, start, end: start + raw.length };
  }
}
