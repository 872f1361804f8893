/** The pages of one API key: its secret (once), its details and use by day, and the revocation step. */
import { Fragment, h, type SafeHtml } from '../../../web/html.js';
import type { Formatter } from '../../../web/format.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import type { ApiKey } from '../../keys/keys.service.js';
import type { KeyUsage } from '../developer-keys.service.js';
import { barWidth } from '../usage-days.js';
import type { Notice } from './account-page.js';
import { CsrfField, maskedKey, TextField } from './form-parts.js';
import { KeyStatus } from './key-status.js';

export interface Endpoints {
  publicUrl: string;
  /** `mqtt://host:port` and `ws(s)://host/mqtt`, or none when the broker is off. */
  mqtt: readonly string[];
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
  const title = props.rotated ? `New secret for “${k.name}”` : `Your new API key “${k.name}”`;
  return (
    <Layout site={props.site} title={title}>
      <h1>{title}</h1>
      <div class="alert alert-warn">
        <p>
          <strong>Copy the key now: this is the only time it is shown.</strong> We keep only a fingerprint of
          it, so nobody can show it to you again. If you lose it, rotate the key to get a new secret.
          {props.rotated ? ' The previous secret of this key has stopped working.' : ''}
        </p>
      </div>
      <p id="secret-label">Your API key:</p>
      <p class="secret" aria-labelledby="secret-label">
        {props.secret}
      </p>
      <p class="hint">
        Select the whole key and copy it (Ctrl+C, or ⌘+C on a Mac), then keep it somewhere safe, like a
        password manager or your app's secret settings. Do not put it in code you publish.
      </p>

      <h2>How to send it</h2>
      <p>
        In the examples, <code>PLAZA_KEY</code> holds the key.
      </p>
      <dl class="kv">
        <dt>
          <code>X-Api-Key</code> header (best)
        </dt>
        <dd>
          <pre tabindex="0">
            <code>{`curl -H "X-Api-Key: $PLAZA_KEY" ${e.publicUrl}/api/v1/datasets`}</code>
          </pre>
        </dd>
        <dt>
          <code>api_key</code> query parameter
        </dt>
        <dd>
          <pre tabindex="0">
            <code>{`${e.publicUrl}/api/v1/datasets?api_key=$PLAZA_KEY`}</code>
          </pre>
          For tools that cannot set headers. Addresses end up in browser histories and logs: prefer the
          header.
        </dd>
        <dt>
          <code>X-App-Token</code> for Socrata clients
        </dt>
        <dd>
          Clients written for Socrata portals (sodapy, RSocrata, soda-js) send an app token: give them this
          key as the app token, and they send it as <code>X-App-Token</code> or <code>$$app_token</code>.
        </dd>
        <dt>Live feed (Server-Sent Events)</dt>
        <dd>
          Browsers' <code>EventSource</code> cannot set headers, so use the parameter:
          <pre tabindex="0">
            <code>{`${e.publicUrl}/api/v1/live?dataset=DATASET_ID&api_key=$PLAZA_KEY`}</code>
          </pre>
        </dd>
        {e.mqtt.length ? (
          <>
            <dt>MQTT</dt>
            <dd>
              Connect to{' '}
              {e.mqtt.map((url, i) => (
                <>
                  {i > 0 ? ' or ' : ''}
                  <code>{url}</code>
                </>
              ))}{' '}
              with the username <code>apikey</code> and the key as the password, then subscribe to the
              datastreams you may read.
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <a href={`/account/keys/${k.id}`}>See this key’s details and usage</a> ·{' '}
        <a href="/account">Back to your account</a>
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
  const busiest = Math.max(0, ...usage.days.map((d) => d.requests));
  const open = k.status !== 'revoked';
  return (
    <Layout site={props.site} title={`API key “${k.name}”`}>
      <p class="breadcrumb">
        <a href="/account">Your account</a> › API key
      </p>
      <h1>API key “{k.name}”</h1>
      {props.notice ? (
        <div class={`alert alert-${props.notice.tone}`} role="status">
          <p>{props.notice.message}</p>
        </div>
      ) : null}
      <dl class="kv">
        <dt>Key</dt>
        <dd>
          <code>{maskedKey(k.prefix)}</code>
        </dd>
        <dt>Status</dt>
        <dd>
          <KeyStatus apiKey={k} format={f} />
        </dd>
        <dt>Created</dt>
        <dd>{f.dateTime(k.createdAt)}</dd>
        <dt>Last used</dt>
        <dd>{k.lastUsedAt ? f.dateTime(k.lastUsedAt) : 'Never'}</dd>
      </dl>

      <section aria-labelledby="usage">
        <h2 id="usage">Requests in the last {usage.days.length} days</h2>
        <p>
          {f.number(usage.total.requests)} requests from {f.date(usage.from)} to {f.date(usage.to)}
          {usage.total.limited ? `, of which ${f.number(usage.total.limited)} went over the rate limit` : ''}.
          Days are calendar days in {props.timeZone}; the counts of the last few seconds may still be on their
          way.
        </p>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Requests per day with this key</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Requests</th>
                <th scope="col">Over the limit</th>
                <th scope="col">Compared with the busiest day</th>
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

      {open ? (
        <>
          <section aria-labelledby="rename">
            <h2 id="rename">Rename</h2>
            <form method="post" action={`/account/keys/${k.id}/rename`} class="form">
              <CsrfField csrf={props.csrf} />
              <TextField
                id="key-name"
                name="name"
                label="New name"
                value={props.rename?.name ?? k.name}
                error={props.rename?.error}
                maxlength={100}
                required
              />
              <button type="submit">Rename</button>
            </form>
          </section>
          <section aria-labelledby="rotate">
            <h2 id="rotate">Rotate</h2>
            <p>
              Rotating gives the key a new secret and stops the current one at once; the name and the usage
              stay. Rotate when the secret may have been seen by someone else, then update your apps.
            </p>
            <form method="post" action={`/account/keys/${k.id}/rotate`} class="inline-form">
              <CsrfField csrf={props.csrf} />
              <button type="submit" class="button-secondary">
                Rotate the secret
              </button>
            </form>
          </section>
          <section aria-labelledby="revoke">
            <h2 id="revoke">Revoke</h2>
            <p>Revoking stops the key for good. Apps that use it get 401 errors.</p>
            <p>
              <a href={`/account/keys/${k.id}/revoke`}>Revoke this key…</a>
            </p>
          </section>
        </>
      ) : (
        <p>This key was revoked and can no longer be used. Its usage stays here for your records.</p>
      )}
    </Layout>
  );
}

/** The confirmation step before a key is revoked. */
export function RevokeKeyPage(props: { site: SiteInfo; csrf: string; apiKey: ApiKey }): SafeHtml {
  const k = props.apiKey;
  return (
    <Layout site={props.site} title={`Revoke the key “${k.name}”?`}>
      <h1>Revoke the key “{k.name}”?</h1>
      <div class="alert alert-warn">
        <p>
          The key <code>{maskedKey(k.prefix)}</code> stops working at once, for good: every request made with
          it is refused with a 401 error. This cannot be undone.
        </p>
      </div>
      <form method="post" action={`/account/keys/${k.id}/revoke`} class="inline-form">
        <CsrfField csrf={props.csrf} />
        <button type="submit" class="button-danger">
          Revoke the key
        </button>
      </form>{' '}
      <a href={`/account/keys/${k.id}`}>Keep it</a>
    </Layout>
  );
}
