/** One department: what it stewards (listed like the catalog) and how to reach it and its stewards. */
import type { Dataset, Department } from '../../catalog/catalog.schema.js';
import { Breadcrumb } from '../pages/breadcrumb.js';
import { DatasetCard } from '../catalog/dataset-card.js';
import { Pagination } from '../catalog/pagination.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import { Layout, type SiteInfo } from '../pages/layout.js';
import { ContactLines, isWebAddress, type Steward } from './contact.js';

export interface DepartmentModel {
  site: SiteInfo;
  department: Department;
  /** This page of its datasets (by title). */
  datasets: Dataset[];
  page: number;
  pages: number;
  stewards: Steward[];
}

function jsonLd(site: SiteInfo, d: Department) {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: d.name,
    url: `${site.publicUrl}/departments/${encodeURIComponent(d.id)}`,
    ...(d.description && { description: d.description }),
    ...(d.email && { email: d.email }),
    ...(d.phone && { telephone: d.phone }),
    ...(isWebAddress(d.url) && { sameAs: d.url }),
    parentOrganization: { '@type': 'GovernmentOrganization', name: site.cityName },
  };
}

export function DepartmentPage(model: DepartmentModel): SafeHtml {
  const { site, department: d, stewards } = model;
  const t = site.t.departments;
  const f = site.format;
  const catalogLink = `/datasets?department=${encodeURIComponent(d.id)}`;
  const title = model.page > 1 ? site.t.catalog.titlePage(d.name, model.page) : d.name;
  return (
    <Layout
      site={site}
      title={title}
      description={d.description || t.description(site.cityName)}
      section="departments"
      jsonLd={jsonLd(site, d)}
    >
      <Breadcrumb
        site={site}
        trail={[
          { href: '/', text: site.t.common.navHome },
          { href: '/departments', text: t.title },
        ]}
        current={d.name}
      />
      <div class="department">
        <h1>{d.name}</h1>
        {d.description ? <p class="usa-intro">{d.description}</p> : null}
        <div class="department__about">
          {d.email || d.phone || isWebAddress(d.url) ? (
            <section class="usa-summary-box department__contact" aria-labelledby="department-contact">
              <div class="usa-summary-box__body">
                <h2 class="usa-summary-box__heading" id="department-contact">
                  {t.contact}
                </h2>
                <ul class="usa-list--unstyled">
                  <ContactLines site={site} contact={d} />
                </ul>
              </div>
            </section>
          ) : null}
          {stewards.length > 0 ? (
            <section class="department__stewards" aria-labelledby="department-stewards">
              <h2 id="department-stewards">{t.stewardsHeading}</h2>
              <p>{t.stewardsIntro}</p>
              <ul class="usa-list--unstyled steward-list">
                {stewards.map((s) => (
                  <li class="steward">
                    <span class="steward__name">{s.name}</span>{' '}
                    <span class="steward__count">({t.stewardOf(s.datasets, f.number(s.datasets))})</span>
                    <ul class="usa-list--unstyled steward__contact">
                      <ContactLines site={site} contact={s} />
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <section class="department__datasets" aria-labelledby="department-datasets">
          <h2 id="department-datasets">
            {t.datasetsHeading}{' '}
            <span class="department__count">
              ({t.datasetCount(d.dataset_count, f.number(d.dataset_count))})
            </span>
          </h2>
          {d.dataset_count === 0 ? (
            <p>{t.noDatasets}</p>
          ) : (
            <>
              <p>
                <a href={catalogLink}>{t.inCatalog}</a>
              </p>
              <ul class="usa-list--unstyled dataset-list">
                {model.datasets.map((dataset) => (
                  <DatasetCard site={site} dataset={dataset} hideDepartment />
                ))}
              </ul>
              <Pagination
                site={site}
                page={model.page}
                pages={model.pages}
                href={(page) => `/departments/${encodeURIComponent(d.id)}${page > 1 ? `?page=${page}` : ''}`}
              />
            </>
          )}
        </section>
      </div>
    </Layout>
  );
}
