/** The home page: search, what is live right now, featured datasets, categories, what changed lately. */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { categoryName, lastUpdated } from '../catalog/dataset-card.js';
import { h, type SafeHtml } from '../html.js';
import { summary } from '../markdown.js';
import { Layout, type SiteInfo } from '../pages/layout.js';
import { LiveStrip, type LiveStripModel } from './live-strip.js';

export interface HomeModel {
  site: SiteInfo;
  /** Datasets the visitor can see. */
  total: number;
  categories: { id: string; title: string; count: number }[];
  featured: Dataset[];
  recent: Dataset[];
  live: LiveStripModel;
}

/** schema.org WebSite with the site search, so that search engines can offer it. */
function websiteJsonLd(site: SiteInfo) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.t.common.siteTitle(site.cityName),
    url: `${site.publicUrl}/`,
    inLanguage: site.lang,
    publisher: { '@type': 'GovernmentOrganization', name: site.cityName },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.publicUrl}/datasets?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

function Search(props: { site: SiteInfo; total: number }): SafeHtml {
  const { site, total } = props;
  const t = site.t.home;
  return (
    <form class="home-search" method="get" action="/datasets" role="search">
      <label class="usa-label" for="home-q">
        {t.searchLabel}
      </label>
      <span class="usa-hint" id="home-q-hint">
        {t.searchHint}
      </span>
      <div class="usa-search usa-search--big search-box">
        <input class="usa-input" id="home-q" type="search" name="q" aria-describedby="home-q-hint" />
        <button class="usa-button" type="submit">
          {t.searchButton}
        </button>
      </div>
      {total > 0 ? (
        <p class="home-search__all">
          <a href="/datasets">{t.browseAll(total, site.format.number(total))}</a>
        </p>
      ) : null}
    </form>
  );
}

function Featured(props: { site: SiteInfo; datasets: Dataset[] }): SafeHtml | null {
  const { site, datasets } = props;
  if (datasets.length === 0) return null;
  return (
    <section class="home-section" aria-labelledby="home-featured-heading">
      <h2 id="home-featured-heading">{site.t.home.featuredHeading}</h2>
      <ul class="usa-card-group home-featured">
        {datasets.map((d) => (
          <li class="usa-card tablet:grid-col-6 desktop:grid-col-4">
            <div class="usa-card__container">
              <div class="usa-card__header">
                <h3 class="usa-card__heading">
                  <a href={`/datasets/${encodeURIComponent(d.id)}`}>{d.title}</a>
                </h3>
              </div>
              <div class="usa-card__body">
                <p class="home-featured__meta">
                  {categoryName(site, d.category)} · {d.department.name}
                </p>
                <p>{summary(d.description, 160)}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Categories(props: { site: SiteInfo; categories: HomeModel['categories'] }): SafeHtml | null {
  const { site, categories } = props;
  if (categories.length === 0) return null;
  const t = site.t.home;
  return (
    <section class="home-section" aria-labelledby="home-categories-heading">
      <h2 id="home-categories-heading">{t.categoriesHeading}</h2>
      <ul class="usa-list--unstyled home-categories">
        {categories.map((c) => (
          <li>
            <a href={`/datasets?category=${encodeURIComponent(c.id)}`}>
              <span class="home-categories__name">{categoryName(site, c)}</span>
              <span class="home-categories__count">
                {t.datasetCount(c.count, site.format.number(c.count))}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Recent(props: { site: SiteInfo; datasets: Dataset[] }): SafeHtml | null {
  const { site, datasets } = props;
  if (datasets.length === 0) return null;
  const t = site.t.home;
  return (
    <section class="home-section" aria-labelledby="home-recent-heading">
      <h2 id="home-recent-heading">{t.recentHeading}</h2>
      <ul class="usa-list--unstyled home-recent">
        {datasets.map((d) => (
          <li>
            <a href={`/datasets/${encodeURIComponent(d.id)}`}>{d.title}</a>
            <span class="home-recent__meta">
              {d.department.name}, {t.updatedOn(site.format.date(lastUpdated(d)))}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <a href="/datasets">{t.recentAll}</a>
      </p>
    </section>
  );
}

export function HomePage(model: HomeModel): SafeHtml {
  const { site } = model;
  const t = site.t.home;
  const tagline = site.city.tagline[site.lang] ?? site.city.tagline.en;
  const live = model.live.parking || model.live.air;
  return (
    <Layout
      site={site}
      title={t.title}
      description={tagline}
      jsonLd={websiteJsonLd(site)}
      islands={live ? ['home-live'] : []}
    >
      <div class="home">
        <div class="home-hero">
          <h1>{site.t.common.siteTitle(site.cityName)}</h1>
          <p class="home-hero__tagline">{tagline}</p>
          <Search site={site} total={model.total} />
        </div>
        <LiveStrip site={site} model={model.live} />
        <Featured site={site} datasets={model.featured} />
        <Categories site={site} categories={model.categories} />
        <Recent site={site} datasets={model.recent} />
      </div>
    </Layout>
  );
}
