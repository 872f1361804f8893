import { TIERS } from '../../access/principal.js';
import { GUIDE_GROUPS, GUIDES } from '../guides.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import { Code, curlQuery, shellQuote } from './code.js';
import type { DevelopersPageProps } from './developers-page.js';

const TOPIC_ONE = 'v1.1/Datastreams({id})/Observations';
const TOPIC_ALL = 'v1.1/Observations';

export function LiveSection(props: DevelopersPageProps): SafeHtml {
  const t = props.site.t.developers;
  const { base, sensorDataset, mqtt } = props.model;
  const live = `${base}/api/v1/live?dataset=${sensorDataset}`;
  const tcp = mqtt.map((address) => /^mqtt:\/\/([^:/]+):(\d+)$/.exec(address)).find((m) => m !== null);
  return (
    <section aria-labelledby="live-data">
      <h2 id="live-data">{t.liveTitle}</h2>
      <p>{t.liveText}</p>
      <h3>{t.sseTitle}</h3>
      <p>{t.sseText}</p>
      <Code lines={[`curl -N ${shellQuote(live)}`]} />
      <Code
        lines={[
          `const feed = new EventSource(\`${live}&api_key=\${key}\`);`,
          `feed.addEventListener('observation', (event) => console.log(JSON.parse(event.data)));`,
        ]}
      />
      <h3>{t.staTitle}</h3>
      <p>{t.staText}</p>
      <Code
        lines={[
          `curl ${shellQuote(`${base}/sta/v1.1/Datastreams?$top=5`)}`,
          ...curlQuery(`${base}/sta/v1.1/Datastreams(1)/Observations`, [
            ['$orderby', 'phenomenonTime desc'],
            ['$top', '10'],
          ]),
        ]}
      />
      <p>
        <a href="/docs/sensorthings">{t.staLink}</a>
      </p>
      <h3>{t.mqttTitle}</h3>
      <p>{t.mqttText}</p>
      {mqtt.length > 0 ? (
        <>
          <p>{t.mqttBrokers}</p>
          <ul>
            {mqtt.map((address) => (
              <li>
                <code>{address}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t.mqttOff}</p>
      )}
      <p>{t.mqttTopics}</p>
      <ul>
        <li>
          <code>{TOPIC_ONE}</code>: {t.mqttTopicOne}
        </li>
        <li>
          <code>{TOPIC_ALL}</code>: {t.mqttTopicAll}
        </li>
      </ul>
      {tcp ? (
        <Code
          lines={[
            `mosquitto_sub -h ${tcp[1]} -p ${tcp[2]} -u apikey -P "$PLAZA_KEY" \\`,
            `  -t ${shellQuote('v1.1/Datastreams(1)/Observations')}`,
          ]}
        />
      ) : null}
    </section>
  );
}

export function LimitsSection(props: DevelopersPageProps): SafeHtml {
  const { site } = props;
  const t = site.t.developers;
  const { limits } = props.model;
  const window = t.window(limits.windowSeconds);
  const number = (n: number) => site.format.number(n);
  return (
    <section aria-labelledby="rate-limits">
      <h2 id="rate-limits">{t.limitsTitle}</h2>
      {limits.enabled ? (
        <>
          <p>{t.limitsText(window)}</p>
          <div class="table-scroll" role="region" aria-label={t.limitsCaption} tabindex="0">
            <table class="usa-table usa-table--borderless rate-limits">
              <caption>{t.limitsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.limitsTier}</th>
                  <th scope="col">{t.limitsRequests(window)}</th>
                  <th scope="col">{t.limitsDownloads}</th>
                  <th scope="col">{t.limitsLive}</th>
                </tr>
              </thead>
              <tbody>
                {TIERS.map((tier) => (
                  <tr data-tier={tier}>
                    <th scope="row">{t.tier(tier)}</th>
                    <td>{number(limits.requests[tier])}</td>
                    <td>{number(limits.downloads[tier])}</td>
                    <td>{number(limits.live[tier])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{t.limitsHeaders}</p>
        </>
      ) : (
        <p>{t.limitsOff}</p>
      )}
      <p>
        <a href="/docs/rate-limits">{t.limitsLink}</a>
      </p>
    </section>
  );
}

function Standard(props: { text: string; href?: string; path?: string }): SafeHtml {
  return (
    <li>
      {props.text}
      {props.href ? (
        <>
          <br />
          <a href={props.href}>
            <code>{props.path}</code>
          </a>
        </>
      ) : null}
    </li>
  );
}

/** The API reference, the guides for developers, the standards spoken here and the clients that work. */
export function ReferenceSection(props: DevelopersPageProps): SafeHtml {
  const { site } = props;
  const t = site.t.developers;
  const { base, dataset, query, standards } = props.model;
  // Guide titles are English, like the guides: say so to a screen reader reading another language.
  const english = site.lang === 'en' ? undefined : 'en';
  const host = new URL(base).host;
  return (
    <>
      <section aria-labelledby="api-reference">
        <h2 id="api-reference">{t.referenceTitle}</h2>
        <p>{t.referenceText}</p>
        <ul>
          <li>
            <a href="/api/docs">{t.referenceDocs}</a>
          </li>
          <li>
            <a href="/api/openapi.json">{t.referenceOpenapi}</a>
          </li>
        </ul>
        <h3>{t.guidesTitle}</h3>
        {english ? <p>{t.guidesNote}</p> : null}
        <ul>
          {(GUIDE_GROUPS[0]?.names ?? []).map((name) => (
            <li>
              <a href={`/docs/${name}`} lang={english}>
                {GUIDES[name]}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="standards">
        <h2 id="standards">{t.standardsTitle}</h2>
        <p>{t.standardsText}</p>
        <ul class="standards">
          <Standard text={t.standardSoda} href={`/resource/${dataset}.json`} path="/resource/{id}.json" />
          <Standard text={t.standardSta} href="/sta/v1.1" path="/sta/v1.1" />
          <Standard text={t.standardMqtt} />
          <Standard text={t.standardOpenapi} href="/api/openapi.json" path="/api/openapi.json" />
          {standards.dcat ? <Standard text={t.standardDcat} href="/data.json" path="/data.json" /> : null}
          {standards.ckan ? (
            <Standard text={t.standardCkan} href="/api/3/action/package_search" path="/api/3/action" />
          ) : null}
          {standards.ogc ? <Standard text={t.standardOgc} href="/ogc" path="/ogc" /> : null}
        </ul>
        <Code lines={curlQuery(`${base}/resource/${dataset}.json`, query.params)} />
      </section>
      <section aria-labelledby="client-libraries">
        <h2 id="client-libraries">{t.clientsTitle}</h2>
        <p>{t.clientsText}</p>
        <h3>{t.clientPython}</h3>
        <Code
          lines={[
            'import os',
            'from sodapy import Socrata',
            '',
            `client = Socrata("${host}", os.environ["PLAZA_KEY"])`,
            `rows = client.get("${dataset}", limit=5)`,
          ]}
        />
        <h3>{t.clientR}</h3>
        <Code
          lines={[
            'library(RSocrata)',
            '',
            `rows <- read.socrata("${base}/resource/${dataset}.json",`,
            '                     app_token = Sys.getenv("PLAZA_KEY"))',
          ]}
        />
      </section>
    </>
  );
}
