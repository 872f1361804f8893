/** The catalog: search, facets, active filters, results and paging, all of it links and one GET form. */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import { Layout, type SiteInfo } from '../pages/layout.js';
import {
  catalogHref,
  effectiveSort,
  FACETS,
  isNarrowed,
  SORTS,
  type CatalogQuery,
  type FacetName,
} from './catalog-query.js';
import { DatasetCard } from './dataset-card.js';
import { Pagination } from './pagination.js';

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface CatalogModel {
  site: SiteInfo;
  query: CatalogQuery;
  total: number;
  pageSize: number;
  results: Dataset[];
  facets: Record<FacetName, Facet[]>;
}

/** Entries of a facet shown before its "more" list. */
const FIRST = 6;

function facetTitle(site: SiteInfo, name: FacetName): string {
  const t = site.t.catalog;
  switch (name) {
    case 'category':
      return t.facetCategory;
    case 'department':
      return t.facetDepartment;
    case 'format':
      return t.facetFormat;
    case 'keyword':
      return t.facetKeyword;
  }
}

/** A facet value's label in the page's language: categories are translated, the rest is as published. */
function valueLabel(site: SiteInfo, name: FacetName, facet: Facet): string {
  return name === 'category' ? site.t.catalog.categoryName(facet.value, facet.label) : facet.label;
}

/** What a chosen facet value is called, even when no result carries it any more. */
function chosenLabel(model: CatalogModel, name: FacetName): string {
  const value = model.query[name] ?? '';
  const known = model.facets[name].find((f) => f.value.toLowerCase() === value.toLowerCase());
  return known
    ? valueLabel(model.site, name, known)
    : valueLabel(model.site, name, { value, label: value, count: 0 });
}

/** The page's title: the words searched, the filters chosen, the page. */
export function catalogTitle(model: CatalogModel): string {
  const t = model.site.t.catalog;
  const filters = FACETS.filter((f) => model.query[f] !== undefined).map((f) => chosenLabel(model, f));
  let title = model.query.q
    ? t.titleSearch(model.query.q)
    : filters.length > 0
      ? t.titleFiltered(filters.join(', '))
      : t.title;
  if (model.query.q && filters.length > 0) title = `${title} (${filters.join(', ')})`;
  return model.query.page > 1 ? t.titlePage(title, model.query.page) : title;
}

function FacetItem(props: { model: CatalogModel; name: FacetName; facet: Facet }): SafeHtml {
  const { model, name, facet } = props;
  const chosen = model.query[name]?.toLowerCase() === facet.value.toLowerCase();
  const label = valueLabel(model.site, name, facet);
  const count = model.site.format.number(facet.count);
  return (
    <li>
      <a
        href={catalogHref(model.query, { [name]: chosen ? undefined : facet.value })}
        class={chosen ? 'facet-link facet-link--chosen' : 'facet-link'}
        aria-current={chosen ? 'true' : undefined}
      >
        <span class="facet-link__label">{label}</span> <span class="facet-link__count">{count}</span>
        {chosen ? <span class="usa-sr-only"> ({model.site.t.catalog.removeFilter})</span> : null}
      </a>
    </li>
  );
}

function FacetGroup(props: { model: CatalogModel; name: FacetName }): SafeHtml {
  const { model, name } = props;
  const facets = model.facets[name];
  if (facets.length === 0) return <></>;
  const shown = facets.slice(0, FIRST);
  const more = facets.slice(FIRST);
  return (
    <div class="facet-group">
      <h3 class="facet__title">{facetTitle(model.site, name)}</h3>
      <ul class="usa-list--unstyled facet__list">
        {shown.map((facet) => (
          <FacetItem model={model} name={name} facet={facet} />
        ))}
      </ul>
      {more.length > 0 ? (
        <details class="facet__more">
          <summary>{model.site.t.catalog.moreFilters(more.length)}</summary>
          <ul class="usa-list--unstyled facet__list">
            {more.map((facet) => (
              <FacetItem model={model} name={name} facet={facet} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function ActiveFilters(props: { model: CatalogModel }): SafeHtml {
  const { model } = props;
  const { query, site } = model;
  const t = site.t.catalog;
  const chips: { label: string; href: string }[] = [];
  if (query.q) chips.push({ label: t.searchChip(query.q), href: catalogHref(query, { q: undefined }) });
  for (const name of FACETS) {
    if (query[name] === undefined) continue;
    chips.push({
      label: `${facetTitle(site, name)}: ${chosenLabel(model, name)}`,
      href: catalogHref(query, { [name]: undefined }),
    });
  }
  if (chips.length === 0) return <></>;
  return (
    <section class="active-filters" aria-labelledby="active-filters-heading">
      <h2 id="active-filters-heading" class="usa-sr-only">
        {t.activeFilters}
      </h2>
      <ul class="usa-list--unstyled active-filters__list">
        {chips.map((chip) => (
          <li>
            <a class="filter-chip" href={chip.href}>
              <span class="usa-sr-only">{t.removeFilter}: </span>
              {chip.label}
              <span class="filter-chip__x" aria-hidden="true">
                ×
              </span>
            </a>
          </li>
        ))}
        <li>
          <a class="active-filters__clear" href="/datasets">
            {t.clearAll}
          </a>
        </li>
      </ul>
    </section>
  );
}

function SearchForm(props: { model: CatalogModel }): SafeHtml {
  const { query, site } = props.model;
  const t = site.t.catalog;
  const sort = effectiveSort(query);
  const sortLabel = (s: (typeof SORTS)[number]) =>
    s === 'relevance' ? t.sortRelevance : s === 'updated' ? t.sortUpdated : t.sortTitle;
  return (
    <form class="catalog-search" method="get" action="/datasets" role="search">
      {FACETS.map((name) =>
        query[name] !== undefined ? <input type="hidden" name={name} value={query[name]} /> : null,
      )}
      <div class="catalog-search__words">
        <label class="usa-label" for="catalog-q">
          {t.searchLabel}
        </label>
        <div class="usa-search usa-search--big search-box">
          <input class="usa-input" id="catalog-q" type="search" name="q" value={query.q ?? ''} />
          <button class="usa-button" type="submit">
            {t.searchButton}
          </button>
        </div>
      </div>
      <div class="catalog-search__sort">
        <label class="usa-label" for="catalog-sort">
          {t.sortLabel}
        </label>
        <div class="catalog-search__sort-row">
          <select class="usa-select" id="catalog-sort" name="sort">
            {SORTS.map((s) => (
              <option value={s} selected={s === sort}>
                {sortLabel(s)}
              </option>
            ))}
          </select>
          <button class="usa-button usa-button--outline" type="submit">
            {t.sortButton}
          </button>
        </div>
      </div>
    </form>
  );
}

export function CatalogPage(model: CatalogModel): SafeHtml {
  const { site, query, total, pageSize } = model;
  const t = site.t.catalog;
  const f = site.format;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (query.page - 1) * pageSize + 1;
  const last = Math.min(total, query.page * pageSize);
  const sortChosen = query.sort !== undefined && query.sort !== effectiveSort({ ...query, sort: undefined });
  return (
    <Layout
      site={site}
      title={catalogTitle(model)}
      description={t.description(site.cityName)}
      section="datasets"
      index={!isNarrowed(query) && !sortChosen}
    >
      <div class="catalog-page">
        <h1>{t.heading}</h1>
        <SearchForm model={model} />
        <ActiveFilters model={model} />
        <p class="catalog__to-filters">
          <a href="#filters-heading">{t.filters}</a>
        </p>
        <div class="catalog__body">
          <section class="catalog__results" aria-labelledby="results-heading">
            <h2 id="results-heading" class="catalog__count">
              {total === 0 ? t.noResults : t.results(total, f.number(total))}
            </h2>
            {total === 0 ? (
              <p>{t.noResultsHelp}</p>
            ) : total > pageSize && first <= total ? (
              <p class="catalog__showing">{t.showing(f.number(first), f.number(last), f.number(total))}</p>
            ) : null}
            {model.results.length > 0 ? (
              <ul class="usa-list--unstyled dataset-list">
                {model.results.map((dataset) => (
                  <DatasetCard site={site} dataset={dataset} />
                ))}
              </ul>
            ) : null}
            <Pagination
              site={site}
              page={query.page}
              pages={pages}
              href={(page) => catalogHref(query, { page })}
            />
          </section>
          <section class="catalog__filters" aria-labelledby="filters-heading">
            <h2 id="filters-heading" class="catalog__filters-heading" tabindex="-1">
              {t.filters}
            </h2>
            {FACETS.map((name) => (
              <FacetGroup model={model} name={name} />
            ))}
          </section>
        </div>
      </div>
    </Layout>
  );
}
