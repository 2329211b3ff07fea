import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSERS, openPopup, useDriver, useFixtureServer, waitForToolbar } from './driver/all';

// Issue 14: the built extension reads every licence kind added then on a demo-like shop page.
const MEDIA_SHOP = readFileSync(new URL('../fixtures/forms/pages/media-shop.html', import.meta.url), 'utf8');

describe.each(BROWSERS)('%s: the licence forms of issue 14 in the built extension', (name) => {
  const server = useFixtureServer({ '/forms/media-shop.html': () => MEDIA_SHOP });
  const driver = useDriver(name);

  it('media-shop.html: the popup lists each new kind with its number, and the level is ok', async () => {
    const tab = await driver().openTab(server().url('/forms/media-shop.html'));
    const popup = await waitForToolbar(driver(), tab, (t) => t.seen && t.level !== 'none');
    expect(popup.level).toBe('ok');
    // Numbers that passed their checks are folded into "N more numbers are well formed": unfold it.
    const page = await openPopup(driver(), tab);
    const unfolded = await page.evaluate(() => {
      const rows = document.querySelectorAll<HTMLElement>('details.lz-passed > summary');
      rows.forEach((summary) => summary.click());
      return rows.length;
    });
    expect(unfolded).toBeGreaterThan(0);
    const text = await page.text('#root');
    // The browser here runs in English: the kind names are the en locale's.
    for (const shown of [
      'Radio/TV production licence', '(京)字第01234号',
      'Audio-visual programme licence', '0123456',
      'Performance licence', '京演(机构)〔2020〕1234号',
      'Online publishing licence', '(署)网出证(京)字第045号',
      'Drug/device information filing', '(京)网药械信息备字〔2022〕第00123号',
      'Food circulation permit', 'SP1101051010012345',
      'B2-20150123', '京公网安备110105001234号',
    ]) {
      expect(text, shown).toContain(shown);
    }
    await page.close();
    await tab.close();
  });
});
