import { TRAD_TO_SIMP } from '../identifiers/trad-simp';
import { PROVINCES } from '../identifiers/provinces';

/**
 * Company names as shops write them vs. the registered name. A page may show the short form
 * (某某科技 for 北京某某科技有限公司), other brackets, spaces, or Traditional characters; none of
 * those is the borrowed-license scam. A different trade name is.
 */

// Traditional → Simplified for characters common in company names, beyond the scanner's table.
const EXTRA_PAIRS =
  '貿贸 倉仓 飾饰 裝装 鐘钟 錶表 華华 東东 數数 據据 車车 輛辆 鋼钢 鐵铁 銅铜 鋁铝 氣气 飲饮 館馆 貝贝 紡纺 綫线 絲丝 ' +
  '綢绸 紙纸 筆笔 陽阳 陰阴 風风 鳳凤 鶴鹤 馬马 魚鱼 鳥鸟 興兴 豐丰 達达 遠远 邁迈 輝辉 匯汇 滙汇 順顺 員员 創创 開开 ' +
  '閃闪 間间 問问 維维 護护 軟软 遊游 戲戏 樂乐 動动 畫画 圖图 環环 節节 綠绿 漁渔 園园 藝艺 傢家 廚厨 潔洁 淨净 層层 ' +
  '樓楼 財财 險险 銀银 錢钱 貸贷 紀纪 聽听 飯饭 麵面 雞鸡 鴨鸭 豬猪 鮮鲜 蝦虾 葉叶 養养 妝妆 髮发 膚肤 襪袜 褲裤 鑽钻 ' +
  '鏡镜 燈灯 腦脑 錄录 鎖锁 閥阀 熱热 凍冻 濕湿 乾干 燒烧 煙烟 糧粮 麥麦 穀谷 蘭兰 彙汇 總总 選选 揚扬 雙双 輕轻 礦矿 ' +
  '鹽盐 橋桥 築筑 劃划 氫氢 鋰锂 專专 職职 師师 譯译 鳴鸣 軒轩 閣阁 齋斋 宮宫 鈺钰 銘铭 錦锦 繡绣 藍蓝 嶺岭 島岛 灘滩 ' +
  '濱滨 溝沟 舉举 義义 禮礼 遜逊 亞亚 歐欧 愛爱 夢梦 蘋苹 龜龟 獅狮 鵬鹏 鷹鹰 鴻鸿 飛飞 騰腾 躍跃 馳驰 駿骏 詩诗 韻韵 ' +
  '詞词 硯砚 廣广 誠诚 實实 業业 發发 設设 計计 檢检 測测 農农 場场 術术 衛卫 們们 個个 際际 濟济 務务 稅税 證证 產产 ' +
  '權权 報报 傳传 視视 廳厅 點点 醫医 療疗 藥药 鞋鞋 裝装 機机 儀仪 聲声 學学 習习 門门 漢汉 瀋沈 灣湾 蘇苏 閩闽 粵粤 ' +
  '廈厦 經经 營营 銷销 購购 賣卖 買买 資资 團团 協协 會会 聯联 連连 網网 絡络 線线 優优 號号 樣样 標标 準准 質质 驗验 ' +
  '鏈链 規规 範范 讀读 語语 莊庄 寶宝 紅红 黃黄 陸陆 龍龙 雲云 電电 體体 國国 貨货 萬万 億亿 東东 寧宁 遼辽 貴贵 陝陕 ' +
  '滬沪 臺台 區区 縣县 鎮镇 廠厂 內内 門门 條条 係系 與与 來来 時时 惠惠 運运 進进 遞递 藥药 壽寿 鄉乡 勞劳 戶户 塊块';

const MAP: Map<number, number> = (() => {
  const m = new Map(TRAD_TO_SIMP);
  for (const pair of EXTRA_PAIRS.split(' ')) {
    const [t, s] = Array.from(pair);
    if (t && s && t !== s) m.set(t.codePointAt(0)!, s.codePointAt(0)!);
  }
  return m;
})();

const REGION_WORDS = [...PROVINCES.map((p) => p.name), '深圳', '广州', '杭州', '苏州', '南京', '武汉', '成都', '西安', '厦门', '宁波', '青岛', '大连', '东莞', '佛山', '无锡', '温州', '义乌', '金华', '泉州', '郑州', '长沙', '合肥', '福州', '济南', '沈阳', '哈尔滨', '长春', '石家庄', '太原', '南昌', '南宁', '昆明', '贵阳', '海口', '兰州', '乌鲁木齐', '呼和浩特', '拉萨', '银川', '西宁', '中山', '珠海', '汕头', '常州', '嘉兴', '绍兴', '台州', '湖州', '烟台', '潍坊', '徐州', '南通', '扬州', '中国'];
const REGION = `(?:${REGION_WORDS.sort((a, b) => b.length - a.length).join('|')})(?:省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)?`;
const LEADING_REGIONS = new RegExp(`^(?:${REGION})+`);
const BRACKETED = /\([^()]*\)/g;
const ORG_FORMS = /(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|总公司|分公司|公司|集团|个体工商户|工作室|商行|经营部|门市部|专卖店|旗舰店|专营店|网店|店)$/;
/** Industry words shops drop from their trade name (某某网络科技 vs 某某科技). */
const INDUSTRY = /(?:网络科技|信息科技|电子商务|信息技术|网络技术|科技发展|科技|网络|信息|技术|贸易|商贸|实业|发展|文化传媒|文化|传媒|服务|管理|咨询|电子|食品|服饰|服装|家居|百货|日用品|化妆品|供应链|进出口|国际|控股|投资|品牌)/g;

/** Simplified, half-width, no spaces or punctuation, ( ) for every bracket. */
export function foldName(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFKC')) {
    const cp = ch.codePointAt(0)!;
    out += String.fromCodePoint(MAP.get(cp) ?? cp);
  }
  return out
    .replace(/[（〔【[{]/g, '(')
    .replace(/[）〕】\]}]/g, ')')
    .replace(/[\s\u200B·・.,，、'"“”‘’-]+/g, '');
}

/** The trade-name core: no region prefix or bracketed region, no company form, no industry words. */
export function nameCore(name: string, dropIndustry: boolean): string {
  let s = foldName(name).replace(BRACKETED, '');
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(ORG_FORMS, '');
  }
  s = s.replace(LEADING_REGIONS, '');
  return dropIndustry ? s.replace(INDUSTRY, '') : s;
}

/**
 * Whether a name shown on a page can be the registered name. True for the same name in another
 * form; 'unclear' when the shown name has no trade name left to compare (too generic to judge).
 */
export function namesMatch(shown: string, official: string): boolean | 'unclear' {
  if (foldName(shown) === foldName(official)) return true;
  for (const dropIndustry of [false, true]) {
    const a = nameCore(shown, dropIndustry);
    const b = nameCore(official, dropIndustry);
    if (!a || !b) continue;
    if (a === b || (a.length >= 2 && b.includes(a)) || (b.length >= 2 && a.includes(b))) return true;
  }
  const a = nameCore(shown, true);
  return a.length < 2 ? 'unclear' : false;
}
