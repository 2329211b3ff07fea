import { REPORT_LIMITS } from '../../src/reports/report';

/**
 * Makes a PNG data URL fit the report's screenshot limit by scaling it down (PNG stays PNG: the
 * receiver checks the signature). A large, busy page can be several MB at full size.
 */
export async function shrinkScreenshot(dataUrl: string, limit = REPORT_LIMITS.screenshot): Promise<string> {
  let current = dataUrl;
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  let scale = 1;
  for (let i = 0; i < 6 && current.length > limit; i++) {
    scale *= Math.sqrt(limit / current.length) * 0.9;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    current = canvas.toDataURL('image/png');
  }
  if (current.length > limit) throw new Error('the screenshot is too large even when scaled down');
  return current;
}
