import { Shield } from '../ui/icons';
import type { T } from '../ui/i18n';

/** The shop's page is gone and no draft was kept: say how to start again. */
export function NothingToReport({ t }: { t: T }) {
  return (
    <main class="lz-options lz-report">
      <h1>
        <Shield level="none" />
        {t('rpTitle')}
      </h1>
      <section class="lz-box">
        <p class="lz-lead">{t('rpNothing')}</p>
        <a class="lz-btn" href="my-reports.html">
          {t('rpMyReports')}
        </a>
      </section>
    </main>
  );
}
