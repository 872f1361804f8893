import { OnThisPage } from '../content/content-page.js';
import { h, type SafeHtml } from '../html.js';
import { Layout, type SiteInfo } from '../pages/layout.js';
import { Code, curlQuery, shellQuote } from './code.js';
import type { DevelopersModel } from './developers-model.js';
import { LimitsSection, LiveSection, ReferenceSection } from './developers-sections.js';

export interface DevelopersPageProps {
  site: SiteInfo;
  model: DevelopersModel;
}

function GettingStarted(props: DevelopersPageProps): SafeHtml {
  const t = props.site.t.developers;
  const { base, dataset } = props.model;
  return (
    <section aria-labelledby="getting-started">
      <h2 id="getting-started">{t.startTitle}</h2>
      <ol class="usa-process-list">
        <li class="usa-process-list__item">
          <h3 class="usa-process-list__heading">{t.step1Title}</h3>
          <p>{t.step1Text}</p>
          <p>
            <a href="/datasets">{t.step1Link}</a>
          </p>
        </li>
        <li class="usa-process-list__item">
          <h3 class="usa-process-list__heading">{t.step2Title}</h3>
          <p>{t.step2Text}</p>
          <Code lines={[`curl ${shellQuote(`${base}/api/v1/datasets/${dataset}/query?$limit=5`)}`]} />
          <p>{t.step2Catalog}</p>
          <Code lines={[`curl ${shellQuote(`${base}/api/v1/datasets?q=parking`)}`]} />
        </li>
        <li class="usa-process-list__item">
          <h3 class="usa-process-list__heading">{t.step3Title}</h3>
          <p>{t.step3Text}</p>
          <p>
            <a class="usa-button" href="/developers/signup">
              {t.step3Link}
            </a>
          </p>
        </li>
        <li class="usa-process-list__item">
          <h3 class="usa-process-list__heading">{t.step4Title}</h3>
          <p>{t.step4Text}</p>
          <Code
            lines={[
              `curl -H "X-Api-Key: $PLAZA_KEY" \\`,
              `  ${shellQuote(`${base}/api/v1/datasets/${dataset}/rows.csv`)} -o ${dataset}.csv`,
            ]}
          />
        </li>
      </ol>
    </section>
  );
}

function QuerySection(props: DevelopersPageProps): SafeHtml {
  const t = props.site.t.developers;
  const { base, dataset, query } = props.model;
  return (
    <section aria-labelledby="query-language">
      <h2 id="query-language">{t.queryTitle}</h2>
      <p>{t.queryText}</p>
      <Code lines={curlQuery(`${base}/api/v1/datasets/${dataset}/query`, query.params)} />
      <p>
        <a href="/docs/query-language">{t.queryLink}</a>
      </p>
    </section>
  );
}

/** /developers: how to use the city's data from code, in the visitor's language; the samples are code. */
export function DevelopersPage(props: DevelopersPageProps): SafeHtml {
  const { site } = props;
  const t = site.t.developers;
  const sections = [
    { id: 'getting-started', title: t.startTitle },
    { id: 'query-language', title: t.queryTitle },
    { id: 'live-data', title: t.liveTitle },
    { id: 'rate-limits', title: t.limitsTitle },
    { id: 'api-reference', title: t.referenceTitle },
    { id: 'standards', title: t.standardsTitle },
    { id: 'client-libraries', title: t.clientsTitle },
  ];
  return (
    <Layout site={site} title={t.title} description={t.description} section="developers">
      <div class="developers">
        <h1>{t.title}</h1>
        <p class="usa-intro">{t.intro}</p>
        <OnThisPage label={t.onThisPage} sections={sections} />
        <GettingStarted {...props} />
        <QuerySection {...props} />
        <LiveSection {...props} />
        <LimitsSection {...props} />
        <ReferenceSection {...props} />
      </div>
    </Layout>
  );
}
