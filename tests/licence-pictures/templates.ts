import QRCode from 'qrcode';
import type { LicenceSpec } from './licence-spec';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The QR code as an SVG (the `qrcode` package: the generator most QR tools use). */
async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/** A page with one picture on it: the scene is the element the renderer screenshots (#scene). */
export async function pictureHtml(spec: LicenceSpec): Promise<{ html: string; width: number; height: number }> {
  if (spec.layout === 'card') return card(spec);
  if (spec.layout === 'none') return noLicence(spec);
  return paper(spec);
}

const FONT_SANS = `'Noto Sans CJK SC', 'Noto Sans SC', sans-serif`;
const FONT_SERIF = `'Noto Serif CJK SC', 'Noto Serif SC', serif`;

function watermark(text: string | null): string {
  if (!text) return '';
  const row = Array.from({ length: 6 }, () => esc(text)).join('　　');
  return `<div class="wm">${Array.from({ length: 9 }, () => `<div>${row}</div>`).join('')}</div>`;
}

/** The 2016 paper licence (副本), photographed: desk around it, a little rotation, maybe blurred. */
async function paper(spec: LicenceSpec) {
  const { look } = spec;
  const width = look.width;
  const height = Math.round(width * 0.727);
  const scale = (width / 1100) * 0.93;
  const font = look.serif ? FONT_SERIF : FONT_SANS;
  const field = (label: string, value: string, cls = '') => `<div class="f ${cls}"><span class="l">${label}</span><span class="v">${esc(value)}</span></div>`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  html,body{margin:0;padding:0;background:#777}
  #scene{position:relative;width:${width}px;height:${height}px;overflow:hidden;background:radial-gradient(circle at 30% 20%,#9a9288,#5d574f)}
  .lic{position:absolute;left:50%;top:50%;width:1100px;height:780px;margin:-390px 0 0 -550px;box-sizing:border-box;
    transform:scale(${scale}) rotate(${look.rotate.toFixed(2)}deg);background:${look.paper};font-family:${font};color:#222;
    border:16px solid #c8a96b;outline:3px solid #8c6d33;outline-offset:-10px;filter:blur(${look.blur}px);box-shadow:0 6px 24px rgba(0,0,0,.45)}
  .inner{position:absolute;inset:14px;border:2px solid #b8955a}
  .code{position:absolute;left:36px;top:30px;font-size:17px;line-height:1.45}
  .code b{display:block;font-size:21px;letter-spacing:1px;font-weight:600}
  .emblem{position:absolute;left:505px;top:22px;width:62px;height:62px;border-radius:50%;background:radial-gradient(circle,#f4c542 30%,#c8161d 32%);}
  .title{position:absolute;left:0;right:0;top:92px;text-align:center;font-size:64px;font-weight:700;letter-spacing:26px;font-family:${FONT_SERIF}}
  .copy{position:absolute;left:0;right:0;top:178px;text-align:center;font-size:20px;letter-spacing:6px}
  .qr{position:absolute;right:40px;top:28px;width:150px;text-align:center;font-size:10.5px;line-height:1.35;color:#333}
  .qr svg{width:124px;height:124px;display:block;margin:0 auto 4px}
  .cols{position:absolute;left:60px;right:50px;top:232px;display:flex;gap:40px;font-size:19px;line-height:1.55}
  .col{flex:1}
  .f{display:flex;margin-bottom:13px}
  .l{flex:0 0 96px;text-align-last:justify;text-align:justify;margin-right:22px;font-weight:600}
  .v{flex:1}
  .scope .v{font-size:16px;line-height:1.5}
  .auth{position:absolute;right:90px;bottom:84px;font-size:19px;text-align:right;line-height:1.8}
  .seal{position:absolute;right:96px;bottom:52px;width:150px;height:150px;border:4px solid rgba(210,30,30,.75);border-radius:50%;color:rgba(210,30,30,.75);
    font-size:15px;text-align:center;box-sizing:border-box;padding-top:52px;font-family:${FONT_SANS}}
  .seal:before{content:'★';display:block;font-size:30px;margin-top:-30px}
  .foot{position:absolute;left:60px;right:60px;bottom:26px;font-size:13px;color:#444;display:flex;justify-content:space-between}
  .wm{position:absolute;left:-300px;top:-300px;width:1800px;transform:rotate(-24deg);color:rgba(200,40,40,.28);font-size:36px;line-height:110px;white-space:nowrap;font-family:${FONT_SANS};pointer-events:none}
  </style></head><body><div id="scene"><div class="lic"><div class="inner"></div>
  <div class="code">统一社会信用代码<b>${esc(spec.uscc)}</b></div>
  <div class="emblem"></div>
  <div class="title">营业执照</div>
  <div class="copy">（副　本）</div>
  <div class="qr">${spec.qr ? await qrSvg(spec.qr) : ''}扫描二维码登录“国家企业信用信息公示系统”了解更多登记、备案、许可、监管信息。</div>
  <div class="cols"><div class="col">
    ${field('名称', spec.name)}${field('类型', spec.type)}${field('法定代表人', spec.legalRepresentative)}${field('经营范围', spec.scope, 'scope')}
  </div><div class="col">
    ${field('注册资本', spec.capital)}${field('成立日期', spec.established)}${field('营业期限', spec.term)}${field('住所', spec.address)}
  </div></div>
  <div class="seal">登记专用章</div>
  <div class="auth">登 记 机 关<br>${esc(spec.issued)}</div>
  <div class="foot"><span>国家企业信用信息公示系统网址：http://www.gsxt.gov.cn</span><span>国家市场监督管理总局监制</span></div>
  ${watermark(look.watermark)}
  </div></div></body></html>`;
  return { html, width, height };
}

/** A platform's licence card: the text image a platform renders from the registration data. */
function card(spec: LicenceSpec) {
  const width = spec.look.width;
  const rows: [string, string][] = [
    ['企业名称', spec.name], ['统一社会信用代码', spec.uscc], ['企业类型', spec.type], ['法定代表人', spec.legalRepresentative],
    ['住所', spec.address], ['注册资本', spec.capital], ['成立日期', spec.established], ['营业期限', spec.term], ['登记机关', spec.authority],
  ];
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  html,body{margin:0;background:#fff}
  #scene{width:${width}px;box-sizing:border-box;padding:26px 34px 30px;font-family:${FONT_SANS};color:#333;background:#fff}
  h1{font-size:22px;margin:0 0 18px;color:#111;border-bottom:1px solid #eee;padding-bottom:12px}
  .r{font-size:16px;line-height:1.6;margin:9px 0;display:flex}
  .r span:first-child{color:#666;flex:0 0 auto}
  .note{margin-top:18px;font-size:12px;color:#999}
  </style></head><body><div id="scene"><h1>营业执照信息</h1>
  ${rows.map(([l, v]) => `<div class="r"><span>${l}：</span><span>${esc(v)}</span></div>`).join('')}
  <div class="note">以上营业执照信息，根据国家工商总局《网络交易管理办法》要求对入驻商家营业执照信息进行公示，除企业名称通过认证之外，其余信息由卖家自行申报填写。</div>
  </div></body></html>`;
  return { html, width, height: 0 };
}

/** No licence at all: a product banner with prices and slogans (text, but nothing the reader may flag). */
function noLicence(spec: LicenceSpec) {
  const width = spec.look.width;
  const height = Math.round(width * 0.6);
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  html,body{margin:0}
  #scene{position:relative;width:${width}px;height:${height}px;overflow:hidden;background:linear-gradient(135deg,#ffe3d3,#ffd0e0);font-family:${FONT_SANS};color:#c2185b}
  .big{position:absolute;left:60px;top:60px;font-size:64px;font-weight:800}
  .sub{position:absolute;left:64px;top:170px;font-size:30px;color:#6a1b4d}
  .price{position:absolute;right:70px;bottom:70px;font-size:80px;font-weight:800;color:#e53935}
  .tag{position:absolute;left:64px;bottom:60px;font-size:22px;color:#555;line-height:1.6}
  .shirt{position:absolute;right:120px;top:60px;width:260px;height:260px;border-radius:40px;background:#fff;opacity:.8}
  </style></head><body><div id="scene"><div class="shirt"></div>
  <div class="big">夏季新款 纯棉短袖T恤</div><div class="sub">${esc(spec.name.slice(0, 4))}旗舰店 · 限时特惠 · 满199减30</div>
  <div class="tag">订单号：${esc(spec.uscc.replace(/\D/g, '').padEnd(18, '7'))}<br>客服热线：400-820-${String(1000 + (spec.uscc.charCodeAt(5) % 9000))}<br>七天无理由退换 · 顺丰包邮</div>
  <div class="price">¥59.9</div>${watermark(spec.look.watermark)}</div></body></html>`;
  return { html, width, height };
}
