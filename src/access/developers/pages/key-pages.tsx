/** The pages of one API key: its secret (once), its details and use by day, and the revocation step. */
import { Fragment, h, type SafeHtml } from '../../../web/html.js';
import type { Formatter } from '../../../web/format.js';
import type { T } from '../../../web/i18n/index.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import type { ApiKey } from '../../keys/keys.service.js';
import type { KeyUsage } from '../developer-keys.service.js';
import { barWidth } from '../usage-days.js';
import { NoticeAlert, type Notice } from './account-page.js';
import { CsrfField, maskedKey, TextField } from './form-parts.js';
import { KeyStatus } from './key-status.js';

export interface Endpoints {
  publicUrl: string;
  /** `mqtt://host:port` and `ws(s)://host/mqtt`, or none when the broker is off. */
  mqtt: readonly string[];
}

/** A message with `{}` where a piece of code goes, as text around that code. */
function withCode(message: string, code: string): SafeHtml {
  const [before = '', after = ''] = message.split('{}');
  return (
    <>
      {before}
      <code>{code}</code>
      {after}
    </>
  );
}

/** The secret of a new or rotated key: shown on this page only, with the ways to send it. */
export function KeySecretPage(props: {
  site: SiteInfo;
  apiKey: ApiKey;
  secret: string;
  rotated: boolean;
  endpoints: Endpoints;
}): SafeHtml {
  const { apiKey: k, endpoints: e } = props;
  const t = props.site.t.account;
  const title = props.rotated ? t.newSecretTitle(k.name) : t.newKeyTitle(k.name);
  return (
    <Layout site={props.site} title={title}>
      <h1>{title}</h1>
      <div class="alert alert-warn">
        <p>
          <strong>{t.copyNow}</strong>
          {t.copyWhy}
          {props.rotated ? t.previousStopped : ''}
        </p>
      </div>
      <p id="secret-label">{t.yourKey}</p>
      <p class="secret" aria-labelledby="secret-label">
        {props.secret}
      </p>
      <p class="hint">{t.copyHint}</p>

      <h2>{t.howToSend}</h2>
      <p>
        {t.examplesLead}
        <code>PLAZA_KEY</code>
        {t.examplesTail}
      </p>
      <dl class="kv">
        <dt>{withCode(t.headerBest, 'X-Api-Key')}</dt>
        <dd>
          <pre tabindex="0">
            <code>{`curl -H "X-Api-Key: $PLAZA_KEY" ${e.publicUrl}/api/v1/datasets`}</code>
          </pre>
        </dd>
        <dt>{withCode(t.queryParameter, 'api_key')}</dt>
        <dd>
          <pre tabindex="0">
            <code>{`${e.publicUrl}/api/v1/datasets?api_key=$PLAZA_KEY`}</code>
          </pre>
          {t.queryParameterNote}
        </dd>
        <dt>
          <code>X-App-Token</code>
          {t.socrataTitle}
        </dt>
        <dd>
          {t.socrataLead}
          <code>X-App-Token</code>
          {t.or}
          <code>$$app_token</code>.
        </dd>
        <dt>{t.liveTitle}</dt>
        <dd>
          {withCode(t.liveNote, 'EventSource')}
          <pre tabindex="0">
            <code>{`${e.publicUrl}/api/v1/live?dataset=DATASET_ID&api_key=$PLAZA_KEY`}</code>
          </pre>
        </dd>
        {e.mqtt.length ? (
          <>
            <dt>MQTT</dt>
            <dd>
              {t.mqttLead}
              {e.mqtt.map((url, i) => (
                <>
                  {i > 0 ? t.or : ''}
                  <code>{url}</code>
                </>
              ))}
              {t.mqttUser}
              <code>apikey</code>
              {t.mqttTail}
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/account/keys/${k.id}`}>{t.seeKey}</a> · <a href="/account">{t.backToAccount}</a>
      </p>
    </Layout>
  );
}

/** One key: details, requests per day (a table with a bar per day), rename, rotate and revoke. */
export function KeyPage(props: {
  site: SiteInfo;
  csrf: string;
  apiKey: ApiKey;
  usage: KeyUsage;
  timeZone: string;
  format: Formatter;
  notice?: Notice;
  rename?: { name: string; error: string };
}): SafeHtml {
  const { apiKey: k, usage, format: f } = props;
  const t = props.site.t.account;
  const title = t.keyTitle(k.name);
  return (
    <Layout site={props.site} title={title}>
      <p class="breadcrumb">
        <a href="/account">{t.accountTitle}</a> › {t.apiKey}
      </p>
      <h1>{title}</h1>
      <NoticeAlert notice={props.notice} />
      <dl class="kv">
        <dt>{t.colKey}</dt>
        <dd>
          <code>{maskedKey(k.prefix)}</code>
        </dd>
        <dt>{t.status}</dt>
        <dd>
          <KeyStatus t={t} apiKey={k} format={f} />
        </dd>
        <dt>{t.colCreated}</dt>
        <dd>{f.dateTime(k.createdAt)}</dd>
        <dt>{t.colLastUsed}</dt>
        <dd>{k.lastUsedAt ? f.dateTime(k.lastUsedAt) : t.never}</dd>
      </dl>
      <Usage t={t} usage={usage} format={f} timeZone={props.timeZone} />
      {k.status !== 'revoked' ? <KeyActions {...props} /> : <p>{t.revokedNote}</p>}
    </Layout>
  );
}

function Usage(props: { t: T['account']; usage: KeyUsage; format: Formatter; timeZone: string }): SafeHtml {
  const { t, usage, format: f } = props;
  const busiest = Math.max(0, ...usage.days.map((d) => d.requests));
  const limited = usage.total.limited ? f.number(usage.total.limited) : undefined;
  return (
    <section aria-labelledby="usage">
      <h2 id="usage">{t.requestsInDays(usage.days.length)}</h2>
      <p>
        {t.usageSummary(f.number(usage.total.requests), f.date(usage.from), f.date(usage.to), limited)}
        {t.daysNote(props.timeZone)}
      </p>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{t.usageCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colDay}</th>
              <th scope="col">{t.colRequests}</th>
              <th scope="col">{t.colOverLimit}</th>
              <th scope="col">{t.colCompared}</th>
            </tr>
          </thead>
          <tbody>
            {usage.days.map((d) => (
              <tr>
                <th scope="row">{f.date(d.day)}</th>
                <td>{f.number(d.requests)}</td>
                <td>{f.number(d.limited)}</td>
                <td style="width: 40%">
                  <span
                    aria-hidden="true"
                    style={`display: block; height: 0.8rem; background: #005ea2; width: ${barWidth(d.requests, busiest)}%`}
                  ></span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Rename, rotate and revoke, for a key that is not revoked. */
function KeyActions(props: {
  site: SiteInfo;
  csrf: string;
  apiKey: ApiKey;
  rename?: { name: string; error: string };
}): SafeHtml {
  const { apiKey: k } = props;
  const t = props.site.t.account;
  return (
    <>
      <section aria-labelledby="rename">
        <h2 id="rename">{t.rename}</h2>
        <form method="post" action={`/account/keys/${k.id}/rename`} class="form">
          <CsrfField csrf={props.csrf} />
          <TextField
            t={t}
            id="key-name"
            name="name"
            label={t.newName}
            value={props.rename?.name ?? k.name}
            error={props.rename?.error}
            maxlength={100}
            required
          />
          <button type="submit">{t.rename}</button>
        </form>
      </section>
      <section aria-labelledby="rotate">
        <h2 id="rotate">{t.rotate}</h2>
        <p>{t.rotateText}</p>
        <form method="post" action={`/account/keys/${k.id}/rotate`} class="inline-form">
          <CsrfField csrf={props.csrf} />
          <button type="submit" class="button-secondary">
            {t.rotateSubmit}
          </button>
        </form>
      </section>
      <section aria-labelledby="revoke">
        <h2 id="revoke">{t.revokeHeading}</h2>
        <p>{t.revokeText}</p>
        <p>
          <a href={`/account/keys/${k.id}/revoke`}>{t.revokeLink}</a>
        </p>
      </section>
    </>
  );
}

/** The confirmation step before a key is revoked. */
export function RevokeKeyPage(props: { site: SiteInfo; csrf: string; apiKey: ApiKey }): SafeHtml {
  const k = props.apiKey;
  const t = props.site.t.account;
  const title = t.revokeTitle(k.name);
  return (
    <Layout site={props.site} title={title}>
      <h1>{title}</h1>
      <div class="alert alert-warn">
        <p>
          {t.revokeWarnLead}
          <code>{maskedKey(k.prefix)}</code>
          {t.revokeWarnTail}
        </p>
      </div>
      <form method="post" action={`/account/keys/${k.id}/revoke`} class="inline-form">
        <CsrfField csrf={props.csrf} />
        <button type="submit" class="button-danger">
          {t.revokeSubmit}
        </button>
      </form>{' '}
      <a href={`/account/keys/${k.id}`}>{t.keepIt}</a>
    </Layout>
  );
}
