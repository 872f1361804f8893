/**
 * The top of a dataset page: where it sits (breadcrumb), its title, department and category, badges for
 * freshness, access and licence, one sentence on how current it is, quick actions and the page's contents.
 */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { Breadcrumb } from '../pages/breadcrumb.js';
import type { Freshness } from '../../catalog/freshness.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import type { SiteInfo } from '../pages/layout.js';
import { frequencyWords } from './describe.js';

/** One sentence on how current the data is, against its declared frequency. */
export function freshnessSentence(
  site: SiteInfo,
  dataset: Dataset,
  fresh: Freshness,
  lastUpdate: string | null,
): string {
  const t = site.t.dataset;
  const f = site.format;
  if (lastUpdate === null) return dataset.kind === 'sensor' ? t.noReadingsYet : t.noDataNote;
  const live = dataset.update_frequency === 'continuous';
  switch (fresh.state) {
    case 'fresh':
      return live
        ? t.liveNote(f.dateTime(lastUpdate))
        : t.freshNote(frequencyWords(site, dataset.update_frequency), f.dateTime(fresh.expectedBy));
    case 'overdue':
      return live
        ? t.liveOverdueNote(f.dateTime(lastUpdate))
        : t.overdueNote(
            frequencyWords(site, dataset.update_frequency),
            f.dateTime(lastUpdate),
            f.dateTime(fresh.expectedBy),
          );
    case 'unknown':
      return t.irregularNote(frequencyWords(site, dataset.update_frequency), f.dateTime(lastUpdate));
  }
}

function accessLabel(site: SiteInfo, level: string): string {
  const t = site.t.dataset;
  return level === 'public'
    ? t.accessPublic
    : level === 'restricted'
      ? t.accessRestricted
      : t.accessNonPublic;
}

export interface HeaderProps {
  site: SiteInfo;
  dataset: Dataset;
  freshness: Freshness;
  /** The last data update the freshness was judged on (the latest observation for sensor datasets). */
  lastUpdate: string | null;
  readable: boolean;
  /** The page's sections, for the contents: [anchor, title]. */
  contents: readonly [string, string][];
}

export function DatasetHeader(props: HeaderProps): SafeHtml {
  const { site, dataset: d, freshness: fresh, readable } = props;
  const t = site.t.dataset;
  const category = site.t.catalog.categoryName(d.category.id, d.category.title);
  const csv = d.distributions.find((x) => x.format === 'CSV');
  return (
    <>
      <Breadcrumb
        site={site}
        trail={[
          { href: '/datasets', text: site.t.common.navDatasets },
          { href: `/datasets?category=${encodeURIComponent(d.category.id)}`, text: category },
        ]}
        current={d.title}
      />
      <header class="dataset-header">
        <h1>{d.title}</h1>
        <dl class="dataset-facts">
          <div>
            <dt>{t.department}</dt>
            <dd>
              <a href={`/departments/${encodeURIComponent(d.department.id)}`}>{d.department.name}</a>
            </dd>
          </div>
          <div>
            <dt>{t.category}</dt>
            <dd>
              <a href={`/datasets?category=${encodeURIComponent(d.category.id)}`}>{category}</a>
            </dd>
          </div>
        </dl>
        <ul class="dataset-badges" aria-label={t.badgesLabel}>
          {fresh.state === 'fresh' ? (
            <li class="usa-tag badge-fresh">{t.badgeFresh}</li>
          ) : fresh.state === 'overdue' ? (
            <li class="usa-tag badge-overdue">{t.badgeOverdue}</li>
          ) : null}
          <li class={`usa-tag ${d.access_level === 'public' ? 'badge-public' : 'badge-restricted'}`}>
            {accessLabel(site, d.access_level)}
          </li>
          <li class="usa-tag badge-licence">{t.badgeLicence(d.license.id)}</li>
          {d.status !== 'published' ? (
            <li class="usa-tag badge-restricted">{t.statusLabel(d.status)}</li>
          ) : null}
        </ul>
        <p class="freshness-note">
          {freshnessSentence(site, d, fresh, props.lastUpdate)}
          {fresh.state === 'overdue' ? (
            <>
              {' '}
              <a href="/status">{site.t.status.fromDataset}</a>
            </>
          ) : null}
        </p>
        <p class="dataset-actions">
          {readable && csv && d.kind !== 'sensor' ? (
            <a class="usa-button" href={csv.url} type={csv.mediaType}>
              {t.downloadCsv}
            </a>
          ) : null}
          <a class="usa-button usa-button--outline" href="#downloads">
            {t.allDownloads}
          </a>
          <a class="usa-button usa-button--outline" href="#api">
            {t.useApi}
          </a>
        </p>
      </header>
      <nav class="dataset-contents" aria-labelledby="contents-heading">
        <h2 class="dataset-contents__heading" id="contents-heading">
          {t.contentsHeading}
        </h2>
        <ul>
          {props.contents.map(([anchor, title]) => (
            <li>
              <a href={`#${anchor}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
