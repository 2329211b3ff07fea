import { chromium, type Browser } from 'playwright-core';
import type { LicenceSpec } from './licence-spec';
import { pictureHtml } from './templates';

/** Renders licence pictures in Debian's Chromium (fonts-noto-cjk), one page reused for all. */
export class PictureRenderer {
  private constructor(private readonly browser: Browser) {}

  static async open(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<PictureRenderer> {
    return new PictureRenderer(await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] }));
  }

  /** The picture's bytes: JPEG at the spec's quality, else PNG. */
  async render(spec: LicenceSpec): Promise<{ bytes: Buffer; type: 'jpeg' | 'png' }> {
    const { html, width, height } = await pictureHtml(spec);
    const page = await this.browser.newPage({ viewport: { width, height: height || 1000 }, deviceScaleFactor: 1 });
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const scene = page.locator('#scene');
      const type = spec.look.jpegQuality ? 'jpeg' : 'png';
      const bytes = await scene.screenshot(type === 'jpeg' ? { type, quality: spec.look.jpegQuality! } : { type });
      return { bytes, type };
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
