/**
 * `/records/log`: the public log of published requests: one GET form (words, status, department, received
 * between two dates), the results as a list, paging, and the same selection as CSV. Who asked is never shown.
 */
import { h, type SafeHtml } from '../../web/html.js';
import { Breadcrumb } from '../../web/pages/breadcrumb.js';
import { Pagination } from '../../web/catalog/pagination.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import type { RequestSummary } from '../records/records.types.js';
import { Select, TextInput } from './public-fields.js';
import { isFiltered, LOG_STATUSES, logHref, logParams, type LogPageQuery } from './public-log-query.js';
import { departmentNames, DueLine, StatusTag } from './public-parts.js';

/** The log's CSV (the API's export) for the same selection. */
export const LOG_CSV = '/api/v1/records-log.csv';

export interface LogModel {
  site: SiteInfo;
  query: LogPageQuery;
  total: number;
  pageSize: number;
  results: readonly RequestSummary[];
  departments: readonly { id: string; name: string }[];
}

const excerpt = (text: string, max = 280) => {
  const plain = text.replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
};

function LogFilters(props: { model: LogModel }): SafeHtml {
  const { site, query, departments } = props.model;
  const t = site.t.records;
  return (
    <form method="get" action="/records/log" class="records-log-filters" role="search">
      <TextInput
        site={site}
        id="log-q"
        name="q"
        type="search"
        label={t.logSearchLabel}
        value={query.q ?? ''}
      />
      <div class="records-log-filters__row">
        <Select
          site={site}
          id="log-status"
          name="status"
          label={t.statusHeading}
          value={query.status ?? ''}
          options={[
            { value: '', label: t.anyStatus },
            ...LOG_STATUSES.map((s) => ({ value: s, label: t.statusLabel(s) })),
          ]}
        />
        <Select
          site={site}
          id="log-department"
          name="department"
          label={t.departmentFilter}
          value={query.department ?? ''}
          options={[
            { value: '', label: t.anyDepartment },
            ...departments.map((d) => ({ value: d.id, label: d.name })),
          ]}
        />
        <TextInput
          site={site}
          id="log-from"
          name="from"
          type="date"
          label={t.receivedFrom}
          value={query.from ?? ''}
        />
        <TextInput
          site={site}
          id="log-to"
          name="to"
          type="date"
          label={t.receivedTo}
          value={query.to ?? ''}
        />
      </div>
      <div class="records-log-filters__buttons">
        <button class="usa-button" type="submit">
          {t.logSearchButton}
        </button>
        {isFiltered(query) ? <a href="/records/log">{t.clearFilters}</a> : null}
      </div>
    </form>
  );
}

function LogEntry(props: { site: SiteInfo; request: RequestSummary }): SafeHtml {
  const { site, request } = props;
  const t = site.t.records;
  return (
    <li class="records-log__item">
      <h3 class="records-log__number">
        <a href={`/records/log/${encodeURIComponent(request.number)}`}>{t.requestNumber(request.number)}</a>
      </h3>
      <p class="records-log__meta">
        <StatusTag site={site} request={request} />{' '}
        <span>{t.receivedOn(site.format.date(request.receivedAt))}</span>
        {' · '}
        <DueLine site={site} request={request} />
      </p>
      <p class="records-log__departments">
        <span class="usa-sr-only">{t.departmentsHeading}: </span>
        {departmentNames(site, request)}
      </p>
      <p class="records-log__description">{excerpt(request.description)}</p>
    </li>
  );
}

export function LogPage(props: { model: LogModel }): SafeHtml {
  const { model } = props;
  const { site, query } = model;
  const t = site.t.records;
  const pages = Math.max(1, Math.ceil(model.total / model.pageSize));
  const filters = logParams(query, { page: 1 });
  const title = query.page > 1 ? t.logTitlePage(query.page) : t.logTitle;
  return (
    <Layout
      site={site}
      title={title}
      description={t.logDescription}
      index={!isFiltered(query) && query.page === 1}
    >
      <div class="records records-log">
        <Breadcrumb site={site} trail={[{ href: '/records', text: t.title }]} current={t.logTitle} />
        <h1>{t.logTitle}</h1>
        <p class="usa-intro">{t.logIntro}</p>
        <LogFilters model={model} />
        <section aria-labelledby="records-log-results">
          <h2 id="records-log-results" class="records-log__count">
            {t.logCount(model.total, site.format.number(model.total))}
          </h2>
          {model.results.length > 0 ? (
            <ol class="usa-list usa-list--unstyled records-log__list">
              {model.results.map((request) => (
                <LogEntry site={site} request={request} />
              ))}
            </ol>
          ) : (
            <p>{isFiltered(query) ? t.logNoneFiltered : t.logNone}</p>
          )}
          <Pagination site={site} page={query.page} pages={pages} href={(p) => logHref(query, { page: p })} />
        </section>
        <p class="records-log__downloads">
          <a href={filters ? `${LOG_CSV}?${filters}` : LOG_CSV}>{t.logCsv}</a>
          {' · '}
          <a href="/records/numbers">{t.numbersLink}</a>
        </p>
      </div>
    </Layout>
  );
}
