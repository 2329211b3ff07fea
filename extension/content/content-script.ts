/**
 * Content-script entry: one session per top-level page. Content code may import src/ (pure), the
 * protocol's send(), the panel and shared UI, never background code.
 */
import { ContentSession } from './content-session';

const session = new ContentSession(document);
session.start().catch((error: unknown) => {
  session.teardown();
  if (!/context invalidated/i.test(String(error))) console.warn('[liangzhao] content script stopped:', error);
});
