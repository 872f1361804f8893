/** Every department that publishes datasets the visitor can see, with its counts and how to reach it. */
import type { Department } from '../../catalog/catalog.schema.js';
import { h, type SafeHtml } from '../html.js';
import { Layout, type SiteInfo } from '../pages/layout.js';
import { ContactLines } from './contact.js';

export function DepartmentsPage(props: { site: SiteInfo; departments: Department[] }): SafeHtml {
  const { site, departments } = props;
  const t = site.t.departments;
  return (
    <Layout site={site} title={t.title} description={t.description(site.cityName)} section="departments">
      <div class="departments">
        <h1>{t.title}</h1>
        <p class="usa-intro">{t.intro}</p>
        {departments.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ul class="usa-list--unstyled department-list">
            {departments.map((d) => (
              <li class="department-item">
                <h2 class="department-item__name">
                  <a href={`/departments/${encodeURIComponent(d.id)}`}>{d.name}</a>
                </h2>
                <p class="department-item__count">
                  <a href={`/datasets?department=${encodeURIComponent(d.id)}`}>
                    {t.datasetCount(d.dataset_count, site.format.number(d.dataset_count))}
                  </a>
                </p>
                {d.description ? <p class="department-item__description">{d.description}</p> : null}
                {d.email || d.phone || d.url ? (
                  <ul class="usa-list--unstyled department-contact" aria-label={`${t.contact}: ${d.name}`}>
                    <ContactLines site={site} contact={d} />
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Layout>
  );
}
