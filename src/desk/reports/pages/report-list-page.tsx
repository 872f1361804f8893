/**
 * `GET /reports?dataset=&status=`: the public list of problem reports (reports about data the public may read),
 * open ones by default, newest first, in pages; a GET form filters it without script.
 */
import { h, type SafeHtml } from '../../../web/html.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import type { ReportSummary } from '../reports.types.js';
import { StatusTag } from './report-parts.js';

export const LIST_FILTERS = ['open', 'closed', 'all'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export interface ListModel {
  site: SiteInfo;
  status: ListFilter;
  dataset: { id: string; title: string } | null;
  results: readonly ReportSummary[];
  total: number;
  page: number;
  pages: number;
}

export function listHref(model: Pick<ListModel, 'status' | 'dataset'>, page = 1): string {
  const params = new URLSearchParams();
  if (model.dataset) params.set('dataset', model.dataset.id);
  if (model.status !== 'open') params.set('status', model.status);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/reports?${query}` : '/reports';
}

export function ListPage(model: ListModel): SafeHtml {
  const { site } = model;
  const t = site.t.reports;
  const title = model.dataset ? t.listFor(model.dataset.title) : t.listTitle;
  const labels: Record<ListFilter, string> = { open: t.filterOpen, closed: t.filterClosed, all: t.filterAll };
  return (
    <Layout site={site} title={title} description={t.listIntro} index={model.page === 1 && !model.dataset}>
      <div class="reports reports-list">
        <h1>{title}</h1>
        <p class="usa-intro">{t.listIntro}</p>
        <form method="get" action="/reports" class="reports-filter" aria-label={t.filterLabel}>
          {model.dataset ? <input type="hidden" name="dataset" value={model.dataset.id} /> : null}
          <fieldset class="usa-fieldset">
            <legend class="usa-legend">{t.filterLabel}</legend>
            <div class="reports-filter__choices">
              {LIST_FILTERS.map((f) => (
                <div class="usa-radio">
                  <input
                    class="usa-radio__input"
                    type="radio"
                    id={`status-${f}`}
                    name="status"
                    value={f}
                    checked={f === model.status}
                  />
                  <label class="usa-radio__label" for={`status-${f}`}>
                    {labels[f]}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <button type="submit" class="usa-button usa-button--outline">
            {t.filterButton}
          </button>
          {model.dataset ? (
            <a class="reports-filter__all" href={listHref({ status: model.status, dataset: null })}>
              {t.allDatasets}
            </a>
          ) : null}
        </form>
        <h2 id="reports-count">{t.count(model.total, site.format.number(model.total))}</h2>
        {model.results.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <div class="table-scroll">
            <table class="usa-table usa-table--borderless reports-table" aria-labelledby="reports-count">
              <thead>
                <tr>
                  <th scope="col">{t.colNumber}</th>
                  <th scope="col">{t.colDataset}</th>
                  <th scope="col">{t.colKind}</th>
                  <th scope="col">{t.colStatus}</th>
                  <th scope="col">{t.colFiled}</th>
                  <th scope="col">{t.colUpdated}</th>
                </tr>
              </thead>
              <tbody>
                {model.results.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`/reports/${encodeURIComponent(r.number)}`}>{r.number}</a>
                    </th>
                    <td>
                      <a href={`/datasets/${encodeURIComponent(r.dataset.id)}`}>{r.dataset.title}</a>
                      {r.datastream ? <span class="reports-sensor">{r.datastream.name}</span> : null}
                    </td>
                    <td>{t.kindLabel(r.kind)}</td>
                    <td>
                      <StatusTag site={site} status={r.status} />
                    </td>
                    <td>
                      <time datetime={r.createdAt}>{site.format.date(r.createdAt)}</time>
                    </td>
                    <td>
                      <time datetime={r.updatedAt}>{site.format.date(r.updatedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {model.pages > 1 ? (
          <nav aria-label={t.pagesLabel} class="reports-pager">
            {model.page > 1 ? <a href={listHref(model, model.page - 1)}>{t.previous}</a> : null}
            <span>{t.pageOf(model.page, model.pages)}</span>
            {model.page < model.pages ? <a href={listHref(model, model.page + 1)}>{t.next}</a> : null}
          </nav>
        ) : null}
      </div>
    </Layout>
  );
}
