/**
 * Labels shops put before their registration numbers (in Simplified, after normalization), and
 * the labels of numbers that are NOT merchant identifiers. The value decides the kind; the label
 * only says that the page meant a license number here (labels lie: 营业执照注册号 often holds a USCC).
 */
export type LabelClass = 'credit' | 'regno' | 'tax' | 'org';

const CREDIT = ['统一社会信用代码', '社会统一信用代码', '统一社会信用码', '社会信用代码', '统一信用代码', '信用代码', '统一代码', 'UNIFIED SOCIAL CREDIT CODE', 'USCC'];
const REGNO = ['营业执照注册号', '营业执照号码', '营业执照编号', '营业执照号', '营业执照代码', '执照编号', '执照号码', '工商注册号', '企业注册号', '注册号', '营业执照', 'BUSINESS LICENSE NO', 'BUSINESS LICENSE NUMBER', 'BUSINESS LICENSE'];
const TAX = ['纳税人识别号', '税务登记号', '税务登记证号', '纳税识别号', '税号'];
const ORG = ['组织机构代码', '机构代码'];

const CLASS_OF = new Map<string, LabelClass>([
  ...CREDIT.map((l) => [l, 'credit'] as const),
  ...REGNO.map((l) => [l, 'regno'] as const),
  ...TAX.map((l) => [l, 'tax'] as const),
  ...ORG.map((l) => [l, 'org'] as const),
]);

const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

/**
 * Business-identifier labels. 注册号 after 商标/器械/产品… is a trademark or product registration,
 * not a business license, so it is excluded right in the pattern.
 */
export const BUSINESS_LABEL = new RegExp(
  `(?<!商标|器械|产品|软件|著作权|专利|版权|APP|证书|药品|备案|域名|车辆|商品)(?:${alternation([...CLASS_OF.keys()])})`,
  'g',
);

export const labelClass = (label: string): LabelClass | undefined => CLASS_OF.get(label);

/**
 * Labels of numbers that look like identifiers but are not: order, payment and tracking numbers,
 * phones, bank cards, barcodes, ISBNs, ID cards, product approvals, radio-equipment filings.
 */
export const NEGATIVE_LABEL = new RegExp(
  alternation([
    '订单', '单号', '交易号', '交易编号', '流水号', '支付', '付款', '商户号', '运单', '快递', '物流', '包裹', '电话', '手机', '热线',
    '客服', '传真', '联系方式', 'TEL', 'FAX', 'PHONE', '银行', '卡号', '账号', '帐号', '开户', '条形码', '条码', '商品编码', '商品编号',
    '货号', '型号', 'SKU', 'ISBN', 'ISSN', 'EAN', 'UPC', 'IMEI', '身份证', '证件号', '无线电', 'CMIIT', '发射设备', '发票', '批准文号',
    '国药准字', '注册证', '执行标准', '标准号', '批号', '生产日期', '序列号', 'SN', '会员', '用户ID', 'UID', '微信', 'QQ', '邮编',
    '追踪', '追溯码', '防伪码', '券码', '优惠码', '验证码', '兑换码', '工单', '退款', '退货', 'TRACKING', 'ORDER',
  ]),
);
