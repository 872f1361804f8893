/**
 * The acknowledgement after filing: the report's number, what happens next, and the private link to follow it,
 * shown here in full with the advice to keep it.
 */
import { h, type SafeHtml } from '../../../web/html.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import type { ReportView } from '../reports.types.js';

export function FiledPage(props: {
  site: SiteInfo;
  report: ReportView;
  followUrl: string;
  /** Whether the reporter gave an email address (the acknowledgement went there). */
  emailed: boolean;
}): SafeHtml {
  const { site, report } = props;
  const t = site.t.reports;
  return (
    <Layout site={site} title={t.filedTitle(report.number)} index={false}>
      <div class="reports reports-filed">
        <div class="usa-alert usa-alert--success" role="status">
          <div class="usa-alert__body">
            <h1 class="usa-alert__heading">{t.filedHeading}</h1>
            <p class="usa-alert__text">
              {t.filedNumber} <strong class="reports-number">{report.number}</strong>
            </p>
          </div>
        </div>
        <section class="reports-section" aria-labelledby="reports-next-heading">
          <h2 id="reports-next-heading">{t.nextHeading}</h2>
          <ol class="usa-list">
            <li>{t.nextRead(report.department.name)}</li>
            <li>{t.nextWork}</li>
            <li>{t.nextFollow}</li>
          </ol>
        </section>
        <section class="usa-summary-box reports-keep" aria-labelledby="reports-keep-heading">
          <div class="usa-summary-box__body">
            <h2 class="usa-summary-box__heading" id="reports-keep-heading">
              {t.keepHeading}
            </h2>
            <p>{t.keepIntro}</p>
            <p class="reports-keep__link">
              <a href={props.followUrl}>{props.followUrl}</a>
            </p>
            <p>{t.keepPrivate}</p>
          </div>
        </section>
        <p>{props.emailed ? t.filedEmailed : t.filedNoEmail}</p>
        <p>
          <a class="usa-button" href={props.followUrl}>
            {t.followButton}
          </a>
        </p>
      </div>
    </Layout>
  );
}
