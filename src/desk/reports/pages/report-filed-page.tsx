/**
 * The acknowledgement after filing: the report's number, what happens next, and the private link to follow it,
 * shown here in full with the advice to keep it.
 */
import { h, type SafeHtml } from '../../../web/html.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import { FiledAlert, FiledKeepLink } from '../../shared-pages/filed-parts.js';
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
        <FiledAlert prefix="reports" t={t} number={report.number} />
        <section class="reports-section" aria-labelledby="reports-next-heading">
          <h2 id="reports-next-heading">{t.nextHeading}</h2>
          <ol class="usa-list">
            <li>{t.nextRead(report.department.name)}</li>
            <li>{t.nextWork}</li>
            <li>{t.nextFollow}</li>
          </ol>
        </section>
        <FiledKeepLink prefix="reports" t={t} followUrl={props.followUrl} emailed={props.emailed} />
      </div>
    </Layout>
  );
}
