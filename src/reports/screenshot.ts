import { REPORT_LIMITS } from './report';

const PREFIX = 'data:image/png;base64,';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Why a screenshot is not acceptable, or null when it is: a base64 PNG data URL under the size cap
 * whose bytes start with the PNG signature (a renamed JPEG or an HTML page is refused).
 */
export function screenshotProblem(value: string): string | null {
  if (!value.startsWith(PREFIX)) return `must be a PNG data URL starting with "${PREFIX}"`;
  if (value.length > REPORT_LIMITS.screenshot) {
    return `is ${value.length} characters; the limit is ${REPORT_LIMITS.screenshot} (make the screenshot smaller)`;
  }
  const data = value.slice(PREFIX.length);
  if (data.length < 12 || data.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return 'is not valid base64';
  const head = atob(data.slice(0, 12));
  if (!PNG_SIGNATURE.every((byte, i) => head.charCodeAt(i) === byte)) return 'is not a PNG image';
  return null;
}
