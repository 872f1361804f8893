/**
 * A report as people outside City Hall see it: `/reports/follow/{token}` (the reporter's private page: the
 * report as they wrote it, moderated like everything public, with every reply) and `/reports/{number}` (the
 * public status page of a report about public data). Both show the status, the answer, the replies and the
 * history; neither shows who filed it.
 */
import { h, type SafeHtml } from '../../../web/html.js';
import { Breadcrumb } from '../../../web/pages/breadcrumb.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import type { ReportView } from '../reports.types.js';
import { Answer, Facts, History, Written } from './report-parts.js';

export function FollowPage(props: {
  site: SiteInfo;
  report: ReportView;
  publicUrl: string | null;
}): SafeHtml {
  const { site, report } = props;
  const t = site.t.reports;
  return (
    <Layout site={site} title={t.followTitle(report.number)} index={false}>
      <div class="reports reports-follow">
        <h1>{t.followTitle(report.number)}</h1>
        <p class="reports-private-note">{t.followPrivate}</p>
        <Facts site={site} report={report} />
        <Answer site={site} report={report} />
        <section class="reports-section" aria-labelledby="reports-description-heading">
          <h2 id="reports-description-heading">{t.yourReportHeading}</h2>
          <Written text={report.description} class="reports-description" />
          <p class="reports-note">{t.moderatedNote}</p>
        </section>
        <History site={site} report={report} />
        {props.publicUrl ? (
          <p>
            <a href={props.publicUrl}>{t.publicPageLink}</a>
          </p>
        ) : null}
      </div>
    </Layout>
  );
}

export function StatusPage(props: { site: SiteInfo; report: ReportView }): SafeHtml {
  const { site, report } = props;
  const t = site.t.reports;
  const datasetUrl = `/datasets/${encodeURIComponent(report.dataset.id)}`;
  return (
    <Layout
      site={site}
      title={t.statusTitle(report.number)}
      description={`${t.kindLabel(report.kind)}: ${report.dataset.title}`}
    >
      <Breadcrumb
        site={site}
        trail={[
          { href: '/reports', text: t.listTitle },
          { href: `/reports?dataset=${encodeURIComponent(report.dataset.id)}`, text: report.dataset.title },
        ]}
        current={report.number}
      />
      <div class="reports reports-status">
        <h1>{t.statusTitle(report.number)}</h1>
        <p class="usa-intro">{t.statusIntro}</p>
        <Facts site={site} report={report} />
        <Answer site={site} report={report} />
        <section class="reports-section" aria-labelledby="reports-description-heading">
          <h2 id="reports-description-heading">{t.descriptionHeading}</h2>
          <Written text={report.description} class="reports-description" />
          <p class="reports-note">{t.moderatedNote}</p>
        </section>
        <History site={site} report={report} />
        <ul class="usa-list usa-list--unstyled reports-more">
          <li>
            <a href={`${datasetUrl}/report`}>{t.reportAnother}</a>
          </li>
          <li>
            <a href={`/reports?dataset=${encodeURIComponent(report.dataset.id)}`}>{t.allReportsOfDataset}</a>
          </li>
        </ul>
      </div>
    </Layout>
  );
}
