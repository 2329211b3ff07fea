/**
 * Search-marks entry: runs only on the result pages of the search engines and shopping platforms
 * in src/platforms/listings (manifest.json), never on other pages, so the shop content script stays
 * as small as it was. Marks what the lists name; never marks anything as good.
 */
import { listingSiteForHost } from '../../src/platforms/listings/registry';
import { ResultMarks } from './result-marks';

const site = window === window.top ? listingSiteForHost(location.hostname) : null;
if (site) new ResultMarks(document, site).start();
