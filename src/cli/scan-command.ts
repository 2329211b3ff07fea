import type { Command } from './command';

/** `liangzhao scan`: the identifier engine run on a saved page or a URL. */
export const scanCommand: Command = {
  name: 'scan',
  summary: '扫描页面中的营业执照、许可证与备案号 (scan a page for licenses and filings)',
  usage: 'usage: liangzhao scan <file.html | http(s)://url> [--url <page URL>] [--json] [--lang zh-CN|zh-TW|en]',
  async run() {
    throw new Error('not implemented yet');
  },
};
