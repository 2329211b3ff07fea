/**
 * Traditional → Simplified, one character to one character, for the characters that appear in
 * license labels, permit forms and province abbreviations. Kept small on purpose: the scanner
 * needs a 1:1 mapping (so text offsets stay valid for evidence), not full OpenCC conversion.
 */
const PAIRS =
  '統统會会碼码備备號号網网粵粤營营業业執执許许證证經经藥药醫医療疗書书資资務务電电稱称註注冊册' +
  '編编識识別别機机構构廣广貴贵滬沪遼辽蘇苏閩闽贛赣魯鲁瓊琼隴陇寧宁雲云陝陕臺台納纳稅税單单' +
  '網网範范圍围記记關关發发類类產产監监線线實实體体個个戶户質质擁拥況况誠诚購购買买賣卖價价' +
  '號号碼码證证們们這这區区縣县鎮镇門门廳厅處处屬属聯联絡络話话傳传視视頻频聲声權权責责優优' +
  '紅红盾盾網网衛卫為为從从與与於于後后國国際际進进銷销貨货運运輸输軍军農农組组織织團团協协' +
  '廠厂場场報报違违規规嚴严重重異异常常錄录黃黄黨党點点擔担額额餘余項项準准則则條条係系濟济' +
  '歷历屆届隸隶縱纵橫横導导應应設设計计學学習习術术語语論论認认讀读寫写訂订單单訊讯號号樣样' +
  '標标誌志徽徽驗验舊旧頁页內内轉转鏈链連连結结構构儲储寶宝藏藏滇滇黔黔蜀蜀渝渝贛赣湘湘鄂鄂' +
  '豫豫晉晋蒙蒙龍龙瀋沈澳澳門门灣湾麗丽莊庄劑剂療疗儀仪械械零零售售批批擬拟覽览廈厦漢汉' +
  '檢检測测縮缩鑒鉴鑑鉴協协壹壹貳贰參叁陸陆萬万億亿資资訊讯網网備备銀银帳账賬账碼码戶户';

/** Code point → code point. */
export const TRAD_TO_SIMP: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const t = chars[i]!.codePointAt(0)!;
    const s = chars[i + 1]!.codePointAt(0)!;
    if (t !== s) map.set(t, s);
  }
  return map;
})();
