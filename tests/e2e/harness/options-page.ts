import type { ExtensionDriver, ExtensionPage } from '../driver/driver';

/**
 * The options page in Simplified Chinese, as a user who chose it sees it: headless browsers run in
 * English whatever --lang says, and the scenarios read the UI's Chinese words.
 */
export async function chineseOptions(driver: ExtensionDriver): Promise<ExtensionPage> {
  const options = await driver.extensionPage('extension/options/options.html');
  await options.waitFor('.lz-options');
  await options.select('#lz-language', 'zh-CN');
  await options.waitForFunction(() => document.documentElement.lang === 'zh-Hans-CN');
  return options;
}
