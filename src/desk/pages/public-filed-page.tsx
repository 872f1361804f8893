/**
 * The acknowledgement after filing: the request's number, its due date in words and as a date, and the private
 * link to follow it, shown here once in full with the advice to keep it.
 */
import { RESPONSE_DAYS } from '../deadlines/deadlines.js';
import { h, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import type { RequestDetail } from '../records/records.types.js';
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
        <div class="usa-alert usa-alert--success" role="status">
          <div class="usa-alert__body">
            <h1 class="usa-alert__heading">{t.filedHeading}</h1>
            <p class="usa-alert__text">
              {t.filedNumber} <strong class="records-number">{request.number}</strong>
            </p>
          </div>
        </div>
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
        <section class="usa-summary-box records-keep" aria-labelledby="records-keep-heading">
          <div class="usa-summary-box__body">
            <h2 class="usa-summary-box__heading" id="records-keep-heading">
              {t.keepHeading}
            </h2>
            <p>{t.keepIntro}</p>
            <p class="records-keep__link">
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
