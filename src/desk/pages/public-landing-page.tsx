/**
 * `/records`: what the records desk is, the law in plain words, and the request form (also the page the form
 * comes back to with its problems or its dataset suggestions).
 */
import { MAX_EXTENSION_DAYS, RESPONSE_DAYS } from '../deadlines/deadlines.js';
import { h, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import { RequestForm, type RequestFormModel } from './public-request-form.js';

/** The law in plain words, with the city's Clerk and reconsideration period. */
export function RightsSection(props: { site: SiteInfo }): SafeHtml {
  const { site } = props;
  const t = site.t.records;
  const records = site.city.records;
  return (
    <section class="usa-summary-box records-rights" aria-labelledby="records-rights-heading">
      <div class="usa-summary-box__body">
        <h2 class="usa-summary-box__heading" id="records-rights-heading">
          {t.rightsHeading}
        </h2>
        <ul class="usa-list records-rights__list">
          <li>{t.rightsAnswer(RESPONSE_DAYS)}</li>
          <li>{t.rightsExtension(MAX_EXTENSION_DAYS)}</li>
          <li>{t.rightsFees}</li>
          <li>{t.rightsHelp}</li>
          <li>{t.rightsDenial}</li>
          <li>
            {records
              ? t.rightsReconsider(records.reconsiderationDays, records.clerk.title)
              : t.rightsReconsiderAny}
          </li>
          <li>{t.rightsCourt}</li>
        </ul>
        <p class="records-rights__law">{t.rightsLaw}</p>
      </div>
    </section>
  );
}

export function LandingPage(props: { model: RequestFormModel }): SafeHtml {
  const { model } = props;
  const { site } = model;
  const t = site.t.records;
  const title = model.problems.length > 0 ? t.titleWithProblems : t.title;
  return (
    <Layout
      site={site}
      title={title}
      description={t.description(site.cityName)}
      islands={['records-suggest']}
      index={model.problems.length === 0 && model.suggestions === undefined}
    >
      <div class="records">
        <h1>{t.title}</h1>
        <p class="usa-intro records-intro">{t.intro(site.cityName)}</p>
        <ul class="usa-list usa-list--unstyled records-links">
          <li>
            <a href="/datasets">{t.searchFirst}</a>
          </li>
          <li>
            <a href="/records/log">{t.logLink}</a>
          </li>
          <li>
            <a href="/records/numbers">{t.numbersLink}</a>
          </li>
        </ul>
        <div class="grid-row grid-gap-lg">
          <section class="grid-col-12 desktop:grid-col-7 records-ask" aria-labelledby="records-ask-heading">
            <h2 id="records-ask-heading">{t.askHeading}</h2>
            <p>{t.askIntro}</p>
            <RequestForm model={model} />
          </section>
          <div class="grid-col-12 desktop:grid-col-5">
            <RightsSection site={site} />
            <section class="records-after" aria-labelledby="records-after-heading">
              <h2 id="records-after-heading">{t.afterHeading}</h2>
              <ol class="usa-list">
                <li>{t.afterNumber}</li>
                <li>{t.afterAnswer(RESPONSE_DAYS)}</li>
                <li>{t.afterFollow}</li>
                <li>{t.afterLog}</li>
              </ol>
            </section>
          </div>
        </div>
      </div>
    </Layout>
  );
}
