/**
 * `/records/numbers`: how the desk keeps the law's clock, in public: the share of requests answered on time, the
 * median days to close, and what is open and overdue by department, with the log as CSV.
 */
import { MAX_EXTENSION_DAYS, RESPONSE_DAYS } from '../deadlines/deadlines.js';
import { Breadcrumb } from '../../web/pages/breadcrumb.js';
import { h, type SafeHtml } from '../../web/html.js';
import { LANGUAGES } from '../../web/i18n/lang.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import type { DeskNumbers } from '../records/records.types.js';
import { LOG_CSV } from './public-log-page.js';

function percent(site: SiteInfo, rate: number | null): string {
  if (rate === null) return site.t.records.noneYet;
  return new Intl.NumberFormat(LANGUAGES[site.lang].locale, {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(rate);
}

function Figure(props: { label: string; value: string; id: string }): SafeHtml {
  return (
    <div class="records-figure">
      <p class="records-figure__value" id={props.id}>
        {props.value}
      </p>
      <p class="records-figure__label">{props.label}</p>
    </div>
  );
}

export function NumbersPage(props: { site: SiteInfo; numbers: DeskNumbers }): SafeHtml {
  const { site, numbers } = props;
  const t = site.t.records;
  const days = (n: number | null) => (n === null ? t.noneYet : t.days(n, site.format.number(n)));
  return (
    <Layout site={site} title={t.numbersTitle} description={t.numbersDescription}>
      <div class="records records-numbers">
        <Breadcrumb site={site} trail={[{ href: '/records', text: t.title }]} current={t.numbersTitle} />
        <h1>{t.numbersTitle}</h1>
        <p class="usa-intro">{t.numbersIntro(RESPONSE_DAYS, RESPONSE_DAYS + MAX_EXTENSION_DAYS)}</p>
        <section aria-labelledby="records-figures-heading">
          <h2 id="records-figures-heading" class="usa-sr-only">
            {t.numbersOverall}
          </h2>
          <div class="records-figures">
            <Figure id="figure-on-time" label={t.onTimeRate} value={percent(site, numbers.onTimeRate)} />
            <Figure id="figure-median" label={t.medianDays} value={days(numbers.medianDaysToClose)} />
            <Figure id="figure-open" label={t.openRequests} value={site.format.number(numbers.open)} />
            <Figure
              id="figure-overdue"
              label={t.overdueRequests}
              value={site.format.number(numbers.overdue)}
            />
          </div>
        </section>
        {/* The table's scrolling region carries the heading's name; a section around it would repeat it. */}
        <div>
          <h2 id="records-by-department">{t.byDepartmentHeading}</h2>
          {numbers.byDepartment.length === 0 ? (
            <p>{t.noRequestsYet}</p>
          ) : (
            <div
              class="usa-table-container--scrollable"
              tabindex="0"
              role="region"
              aria-labelledby="records-by-department"
            >
              <table class="usa-table usa-table--borderless records-numbers__table">
                <thead>
                  <tr>
                    <th scope="col">{t.departmentColumn}</th>
                    <th scope="col" class="records-amount">
                      {t.openColumn}
                    </th>
                    <th scope="col" class="records-amount">
                      {t.overdueColumn}
                    </th>
                    <th scope="col" class="records-amount">
                      {t.closedColumn}
                    </th>
                    <th scope="col" class="records-amount">
                      {t.onTimeColumn}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {numbers.byDepartment.map((d) => (
                    <tr>
                      <th scope="row">{d.id === '' ? t.unassigned : d.name}</th>
                      <td class="records-amount">{site.format.number(d.open)}</td>
                      <td class="records-amount">{site.format.number(d.overdue)}</td>
                      <td class="records-amount">{site.format.number(d.closed)}</td>
                      <td class="records-amount">{percent(site, d.onTimeRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <p class="records-numbers__explained">{t.numbersExplained}</p>
        <p>
          <a href={LOG_CSV}>{t.logCsv}</a>
          {' · '}
          <a href="/records/log">{t.logLink}</a>
        </p>
      </div>
    </Layout>
  );
}
