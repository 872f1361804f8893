/**
 * The acknowledgement after filing: the request's number, its due date in words and as a date, and the private
 * link to follow it, shown here once in full with the advice to keep it.
 */
import { RESPONSE_DAYS } from '../deadlines/deadlines.js';
import { h, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import type { RequestDetail } from '../records/records.types.js';
import { FiledAlert, FiledKeepLink } from '../shared-pages/filed-parts.js';
import { clockTime } from './public-dates.js';
import { DueLine } from './public-parts.js';

export function FiledPage(props: {
  site: SiteInfo;
  request: RequestDetail;
  followUrl: string;
  /** Whether the requester gave an email address (the acknowledgement went there). */
  emailed: boolean;
}): SafeHtml {
  const { site, request } = props;
  const t = site.t.records;
  return (
    <Layout site={site} title={t.filedTitle(request.number)} index={false}>
      <div class="records records-filed">
        <FiledAlert prefix="records" t={t} number={request.number} />
        <p class="records-filed__due">
          <DueLine site={site} request={request} />
        </p>
        <p>
          {t.filedDueExplained(
            RESPONSE_DAYS,
            clockTime(site.city.records?.closeOfBusiness ?? '17:00', site.lang),
            clockTime('23:59', site.lang),
          )}
        </p>
        <FiledKeepLink prefix="records" t={t} followUrl={props.followUrl} emailed={props.emailed} />
      </div>
    </Layout>
  );
}
