/** A dataset as a search result: what it is, who keeps it, how current it is, how it can be had. */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { h, type SafeHtml } from '../html.js';
import { summary } from '../markdown.js';
import type { SiteInfo } from '../pages/layout.js';

/** The date a dataset last changed, data or metadata, as the catalog sorts by it. */
export function lastUpdated(dataset: Dataset): string {
  const data = dataset.data_updated_at ?? '';
  return data > dataset.metadata_updated_at ? data : dataset.metadata_updated_at;
}

/** The catalog's category name in the page's language. */
export function categoryName(site: SiteInfo, category: { id: string; title: string }): string {
  return site.t.catalog.categoryName(category.id, category.title);
}

/** The access level (and, for the staff who see them, the publication state) as a tag. */
export function AccessTag(props: { site: SiteInfo; dataset: Dataset }): SafeHtml {
  const t = props.site.t.catalog;
  const { access_level: level, status } = props.dataset;
  const label =
    level === 'restricted' ? t.accessRestricted : level === 'non-public' ? t.accessNonPublic : t.accessPublic;
  return (
    <span class="dataset-tags">
      <span class={`usa-tag access-tag access-tag--${level === 'public' ? 'public' : 'closed'}`}>
        <span class="usa-sr-only">{t.access}: </span>
        {label}
      </span>
      {status !== 'published' ? (
        <span class="usa-tag access-tag access-tag--draft">{t.accessDraft}</span>
      ) : null}
    </span>
  );
}

export function DatasetCard(props: {
  site: SiteInfo;
  dataset: Dataset;
  /** The heading level in the page's outline (h3 under a results h2). */
  level?: 2 | 3;
  /** Leaves the department out (on a department's own page). */
  hideDepartment?: boolean;
}): SafeHtml {
  const { site, dataset: d } = props;
  const t = site.t.catalog;
  const f = site.format;
  const Heading = `h${props.level ?? 3}`;
  const formats = [...new Set(d.distributions.map((x) => x.format))];
  const text = summary(d.description);
  return (
    <li class="usa-card dataset-card">
      <div class="usa-card__container">
        <div class="usa-card__header">
          {h(
            Heading,
            { class: 'usa-card__heading' },
            <a href={`/datasets/${encodeURIComponent(d.id)}`}>{d.title}</a>,
          )}
        </div>
        <div class="usa-card__body">
          <p class="dataset-card__meta">
            {props.hideDepartment ? null : (
              <span>
                <span class="usa-sr-only">{t.department}: </span>
                <a href={`/departments/${encodeURIComponent(d.department.id)}`}>{d.department.name}</a>
              </span>
            )}
            <span>
              <span class="usa-sr-only">{t.category}: </span>
              <a href={`/datasets?category=${encodeURIComponent(d.category.id)}`}>
                {categoryName(site, d.category)}
              </a>
            </span>
            <AccessTag site={site} dataset={d} />
          </p>
          {text ? <p class="dataset-card__summary">{text}</p> : null}
        </div>
        <div class="usa-card__footer dataset-card__footer">
          <span>
            {d.data_updated_at ? t.updated(f.date(lastUpdated(d))) : t.noDataYet}
            {d.kind === 'sensor'
              ? ` · ${t.liveSensors}`
              : d.row_count !== null
                ? ` · ${t.rows(d.row_count, f.number(d.row_count))}`
                : ''}
          </span>
          {formats.length > 0 ? (
            <span>
              <span class="usa-sr-only">{t.formats}: </span>
              {formats.map((x) => (
                <span class="format-chip">{x}</span>
              ))}
            </span>
          ) : null}
        </div>
      </div>
    </li>
  );
}
