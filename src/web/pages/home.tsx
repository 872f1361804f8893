import type { Dataset } from '../../catalog/catalog.schema.js';
import type { Formatter } from '../format.js';
import { h, Fragment, type SafeHtml } from '../html.js';
import { summary } from '../markdown.js';
import { Layout, type SiteInfo } from './layout.js';

export interface HomeQuery {
  q?: string;
  category?: string;
  department?: string;
  keyword?: string;
  format?: string;
  sort?: 'relevance' | 'updated' | 'title';
  page: number;
}

interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface HomeModel {
  site: SiteInfo;
  query: HomeQuery;
  total: number;
  pageSize: number;
  results: Dataset[];
  facets: { category: Facet[]; department: Facet[]; format: Facet[]; keyword: Facet[] };
  format: Formatter;
}

/** A URL of this page with some parameters changed; empty values are left out. */
function link(
  query: HomeQuery,
  changes: Partial<Record<keyof HomeQuery, string | number | undefined>>,
): string {
  const merged: Record<string, string | number | undefined> = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1)) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/?${text}` : '/';
}

function FacetList(props: {
  title: string;
  name: keyof HomeQuery;
  facets: Facet[];
  query: HomeQuery;
}): SafeHtml {
  if (props.facets.length === 0) return <></>;
  const current = props.query[props.name];
  return (
    <section class="facet" aria-labelledby={`facet-${props.name}`}>
      <h2 id={`facet-${props.name}`}>{props.title}</h2>
      <ul>
        {props.facets.slice(0, 12).map((f) => (
          <li>
            {current === f.value ? (
              <a href={link(props.query, { [props.name]: undefined })} aria-current="true">
                <strong>{f.label}</strong> ({f.count}) <span class="visually-hidden">remove filter</span>×
              </a>
            ) : (
              <a href={link(props.query, { [props.name]: f.value })}>
                {f.label} <span class="count">({f.count})</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Result(props: { dataset: Dataset; format: Formatter }): SafeHtml {
  const d = props.dataset;
  return (
    <li class="result">
      <h3>
        <a href={`/datasets/${d.id}`}>{d.title}</a>
      </h3>
      <p class="meta">
        {d.department.name} · {d.category.title}
        {d.access_level !== 'public' ? <span class="badge badge-warn">{d.access_level}</span> : null}
      </p>
      <p>{summary(d.description)}</p>
      <p class="meta">
        {d.data_updated_at ? `Data updated ${props.format.date(d.data_updated_at)}` : 'No data yet'}
        {d.row_count !== null ? ` · ${props.format.number(d.row_count)} rows` : ''}
        {d.distributions.length > 0 ? ` · ${d.distributions.map((x) => x.format).join(', ')}` : ''}
      </p>
    </li>
  );
}

/** The catalog: search, facets, results and paging; the whole state is in the URL. */
export function HomePage(model: HomeModel): SafeHtml {
  const { query, total, pageSize } = model;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (query.page - 1) * pageSize + 1;
  const last = Math.min(total, query.page * pageSize);
  return (
    <Layout site={model.site} title="Datasets" description={`Open data of the ${model.site.cityName}`}>
      <h1>{model.site.cityName} Open Data</h1>
      <form class="search" method="get" action="/" role="search">
        <label for="q">Search datasets</label>
        <div class="search-row">
          <input id="q" name="q" type="search" value={query.q ?? ''} placeholder="permits, trees, parking…" />
          {query.category ? <input type="hidden" name="category" value={query.category} /> : null}
          {query.department ? <input type="hidden" name="department" value={query.department} /> : null}
          <label for="sort" class="inline-label">
            Sort by
          </label>
          <select id="sort" name="sort">
            {(['relevance', 'updated', 'title'] as const).map((s) => (
              <option value={s} selected={(query.sort ?? (query.q ? 'relevance' : 'updated')) === s}>
                {s === 'updated' ? 'Recently updated' : s === 'title' ? 'Title' : 'Relevance'}
              </option>
            ))}
          </select>
          <button type="submit">Search</button>
        </div>
      </form>
      <div class="catalog">
        <aside aria-label="Filters">
          <FacetList title="Category" name="category" facets={model.facets.category} query={query} />
          <FacetList title="Department" name="department" facets={model.facets.department} query={query} />
          <FacetList title="Format" name="format" facets={model.facets.format} query={query} />
          <FacetList title="Keyword" name="keyword" facets={model.facets.keyword} query={query} />
        </aside>
        <section aria-labelledby="results-heading" class="results">
          <h2 id="results-heading" aria-live="polite">
            {total === 0
              ? 'No datasets match'
              : `${model.format.number(total)} dataset${total === 1 ? '' : 's'}${total > pageSize ? ` (showing ${first}–${last})` : ''}`}
          </h2>
          <ul class="result-list">
            {model.results.map((d) => (
              <Result dataset={d} format={model.format} />
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label="Pages" class="pager">
              {query.page > 1 ? <a href={link(query, { page: query.page - 1 })}>Previous</a> : null}
              <span>
                Page {query.page} of {pages}
              </span>
              {query.page < pages ? <a href={link(query, { page: query.page + 1 })}>Next</a> : null}
            </nav>
          ) : null}
        </section>
      </div>
    </Layout>
  );
}
