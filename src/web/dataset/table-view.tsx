/**
 * The table preview itself: filter form, active filters, the rows with sortable column headers, pages and
 * rows per page. Every control is a link or a GET form to the page URL, so it all works without JavaScript;
 * the table island fetches the same markup from `/datasets/{id}/table` and swaps it in. The root element says
 * which URL it shows (`data-url`), so the island can put that in the address bar.
 */
import type { Column, Dataset } from '../../catalog/catalog.schema.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import type { SiteInfo } from '../pages/layout.js';
import { cellText } from './cells.js';
import { datasetPath, FilterForm, filterLabel, ProblemList, StateFields } from './table-controls.js';
import type { TablePreview } from './table-query.js';
import { PAGE_SIZES, tableSearch, withState, type TableState } from './table-state.js';

function SortHeader(props: {
  site: SiteInfo;
  column: Column;
  state: TableState;
  href: (s: TableState) => string;
}) {
  const { column, state, site } = props;
  const t = site.t.table;
  const numeric = column.type === 'number';
  if (column.type === 'geometry') {
    return (
      <th scope="col" class={numeric ? 'num' : undefined}>
        {column.name}
      </th>
    );
  }
  const current = state.sort === column.field ? state.order : null;
  const next = current === 'asc' ? 'desc' : 'asc';
  const target = props.href(withState(state, { sort: column.field, order: next, page: 1 }));
  return (
    <th
      scope="col"
      class={numeric ? 'num' : undefined}
      aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : undefined}
    >
      <a href={target} class="sort-link" rel="nofollow">
        {column.name}
        <span class="visually-hidden">{next === 'asc' ? t.sortAscending : t.sortDescending}</span>
        <span class="sort-mark" aria-hidden="true">
          {current === 'asc' ? '▲' : current === 'desc' ? '▼' : '↕'}
        </span>
      </a>
    </th>
  );
}

/** Page numbers to show: the first, the last, and two around the current one, with gaps as null. */
export function pageNumbers(current: number, last: number): (number | null)[] {
  const wanted = new Set([1, last, current - 1, current, current + 1].filter((n) => n >= 1 && n <= last));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const previous = out[out.length - 1];
    if (typeof previous === 'number' && n - previous > 1) out.push(n - previous === 2 ? n - 1 : null);
    out.push(n);
  }
  return out;
}

function Pager(props: { site: SiteInfo; state: TableState; last: number; href: (s: TableState) => string }) {
  const { state, last, site } = props;
  const t = site.t.table;
  if (last <= 1) return <></>;
  const link = (page: number) => props.href(withState(state, { page }));
  return (
    <nav class="usa-pagination table-pager" aria-label={t.pages}>
      <ul class="usa-pagination__list">
        {state.page > 1 ? (
          <li class="usa-pagination__item usa-pagination__arrow">
            <a href={link(Math.min(state.page - 1, last))} class="usa-pagination__link" rel="prev nofollow">
              <span class="usa-pagination__link-text">{t.previous}</span>
            </a>
          </li>
        ) : null}
        {pageNumbers(Math.min(state.page, last), last).map((n) =>
          n === null ? (
            <li class="usa-pagination__item usa-pagination__overflow" aria-hidden="true">
              <span>…</span>
            </li>
          ) : (
            <li class="usa-pagination__item usa-pagination__page-no">
              <a
                href={link(n)}
                class={`usa-pagination__button${n === state.page ? ' usa-current' : ''}`}
                aria-label={t.pageLabel(n, last)}
                aria-current={n === state.page ? 'page' : undefined}
                rel="nofollow"
              >
                {site.format.number(n)}
              </a>
            </li>
          ),
        )}
        {state.page < last ? (
          <li class="usa-pagination__item usa-pagination__arrow">
            <a href={link(state.page + 1)} class="usa-pagination__link" rel="next nofollow">
              <span class="usa-pagination__link-text">{t.next}</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function SizeForm(props: { site: SiteInfo; dataset: Dataset; state: TableState }) {
  const { site, state } = props;
  const t = site.t.table;
  const sizes: number[] = PAGE_SIZES.includes(state.size as (typeof PAGE_SIZES)[number])
    ? [...PAGE_SIZES]
    : [...PAGE_SIZES, state.size].sort((a, b) => a - b);
  return (
    <form method="get" action={`${datasetPath(props.dataset)}#table`} class="table-size" data-table-form>
      <StateFields state={state} omit={['size']} />
      <label class="usa-label" for="table-size">
        {t.rowsPerPage}
      </label>
      <select class="usa-select" id="table-size" name="size">
        {sizes.map((n) => (
          <option value={String(n)} selected={n === state.size}>
            {site.format.number(n)}
          </option>
        ))}
      </select>
      <button type="submit" class="usa-button usa-button--outline">
        {t.show}
      </button>
    </form>
  );
}

/** The table view (also the fragment the table island fetches). */
export function TableView(props: { site: SiteInfo; dataset: Dataset; preview: TablePreview }): SafeHtml {
  const { site, dataset, preview } = props;
  const t = site.t.table;
  const f = site.format;
  const { state, rows, columns, total } = preview;
  const base = datasetPath(dataset);
  const href = (s: TableState) => `${base}${tableSearch(s)}#table`;
  const last = Math.max(1, Math.ceil(total / state.size));
  const first = rows.length === 0 ? 0 : (state.page - 1) * state.size + 1;
  const filtered = preview.active.length > 0;
  return (
    <div
      id="table-view"
      class="table-view"
      data-table-view
      data-url={`${base}${tableSearch(state)}`}
      data-fragment={`${base}/table`}
    >
      <FilterForm site={site} dataset={dataset} state={state} />
      <ProblemList site={site} problems={preview.problems} refusal={preview.refusal} />
      {filtered ? (
        <div class="active-filters">
          <h3 class="active-filters__heading">{t.activeFilters}</h3>
          <ul class="usa-list usa-list--unstyled">
            {preview.active.map((filter) => {
              const label = filterLabel(site, filter);
              const others = state.filters.filter((raw) => raw !== filter.raw);
              return (
                <li>
                  <span class="usa-tag filter-tag">{label}</span>{' '}
                  <a href={href(withState(state, { filters: others, page: 1 }))} rel="nofollow">
                    {t.removeFilter}
                    <span class="visually-hidden"> {label}</span>
                  </a>
                </li>
              );
            })}
          </ul>
          {preview.active.length > 1 ? (
            <p>
              <a href={href(withState(state, { filters: [], page: 1 }))} rel="nofollow">
                {t.clearFilters}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      <p class="table-summary" id="table-summary">
        {rows.length === 0
          ? filtered
            ? t.noMatches(f.number(preview.rowCount))
            : t.noRowsHere
          : filtered
            ? t.showingFiltered(
                f.number(first),
                f.number(first + rows.length - 1),
                f.number(total),
                f.number(preview.rowCount),
              )
            : t.showing(f.number(first), f.number(first + rows.length - 1), f.number(total))}
      </p>
      {rows.length > 0 ? (
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="table-caption">
          <table class="usa-table usa-table--striped usa-table--compact preview-table">
            <caption id="table-caption">
              {t.caption(dataset.title, f.number(state.page), f.number(last))}
            </caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <SortHeader site={site} column={column} state={state} href={href} />
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  {columns.map((column, i) => (
                    <td class={column.type === 'number' ? 'num' : undefined}>
                      {cellText(site, row[i] ?? null, column.type === 'geometry' ? 'geometry' : column.type)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div class="table-footer">
        <Pager site={site} state={state} last={last} href={href} />
        <SizeForm site={site} dataset={dataset} state={state} />
      </div>
    </div>
  );
}
