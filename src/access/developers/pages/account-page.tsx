/**
 * A developer's account page: profile, rate-limit tier, API keys and the form to create one. Other parts of
 * the access module add their own sections below the keys (see ../account-sections.ts).
 */
import { Fragment, h, type SafeHtml } from '../../../web/html.js';
import type { Formatter } from '../../../web/format.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import type { ApiKey } from '../../keys/keys.service.js';
import type { User } from '../../users/users.service.js';
import { windowWords, type Allowance } from '../allowance.js';
import { CsrfField, maskedKey, TextField } from './form-parts.js';
import { KeyStatus } from './key-status.js';

export interface Notice {
  tone: 'ok' | 'warn' | 'error';
  message: string;
}

export interface AccountPageProps {
  site: SiteInfo;
  /** The session's CSRF token, for the page's forms. */
  csrf: string;
  user: User;
  /** The tier requests count against now: the account's, or a higher one granted for a while. */
  effectiveTier: string;
  /** What each developer tier allows on this server. */
  allowances: readonly Allowance[];
  keys: readonly ApiKey[];
  format: Formatter;
  /** What the last action did (a key revoked, a link sent ...). */
  notice?: Notice;
  /** The create-key form, sent back with its problem. */
  create?: { name: string; error: string };
  /** Sections that other parts of the access module render (access requests ...), shown below the keys. */
  sections: readonly SafeHtml[];
}

const TIER_NAMES: Record<string, string> = {
  anonymous: 'Anonymous',
  standard: 'Standard',
  elevated: 'Elevated',
  partner: 'Partner',
};

export const tierName = (tier: string) => TIER_NAMES[tier] ?? tier;

export function AccountPage(props: AccountPageProps): SafeHtml {
  const { user, format: f } = props;
  const live = props.keys.filter((k) => k.status !== 'revoked');
  return (
    <Layout site={props.site} title="Your account">
      <h1>Your account</h1>
      {props.notice ? (
        <div class={`alert alert-${props.notice.tone}`} role="status">
          <p>{props.notice.message}</p>
        </div>
      ) : null}
      {user.emailVerified ? null : <Unverified csrf={props.csrf} email={user.email} />}

      <section aria-labelledby="profile">
        <h2 id="profile">Profile</h2>
        <dl class="kv">
          <dt>Name</dt>
          <dd>{user.name || '—'}</dd>
          <dt>Email</dt>
          <dd>
            {user.email}{' '}
            {user.emailVerified ? (
              <span class="badge badge-ok">Confirmed</span>
            ) : (
              <span class="badge badge-warn">Not confirmed</span>
            )}
          </dd>
          <dt>Status</dt>
          <dd>{user.status === 'active' ? 'Active' : user.status}</dd>
          <dt>Member since</dt>
          <dd>{f.date(user.createdAt)}</dd>
          <dt>Terms of use accepted</dt>
          <dd>
            {f.date(user.termsAcceptedAt)} (<a href="/terms">read them</a>)
          </dd>
        </dl>
      </section>

      <section aria-labelledby="limits">
        <h2 id="limits">Rate limits</h2>
        <Limits {...props} />
      </section>

      <section aria-labelledby="keys">
        <h2 id="keys">API keys</h2>
        {props.keys.length === 0 ? (
          <p>No keys yet.</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">Your API keys</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {props.keys.map((k) => (
                  <tr>
                    <th scope="row">
                      <a href={`/account/keys/${k.id}`}>{k.name}</a>
                    </th>
                    <td>
                      <code>{maskedKey(k.prefix)}</code>
                    </td>
                    <td>{f.date(k.createdAt)}</td>
                    <td>{k.lastUsedAt ? f.dateTime(k.lastUsedAt) : 'Never'}</td>
                    <td>
                      <KeyStatus apiKey={k} format={f} />
                    </td>
                    <td>
                      <a href={`/account/keys/${k.id}`}>
                        Usage<span class="visually-hidden"> of {k.name}</span>
                      </a>
                      {k.status === 'revoked' ? null : (
                        <>
                          {' · '}
                          <a href={`/account/keys/${k.id}/revoke`}>
                            Revoke<span class="visually-hidden"> {k.name}</span>
                          </a>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {user.emailVerified ? (
          <CreateKey csrf={props.csrf} create={props.create} count={live.length} />
        ) : (
          <p>You can create keys once your email address is confirmed.</p>
        )}
        <p>
          Send a key with each request as the <code>X-Api-Key</code> header. The{' '}
          <a href="/docs/api-keys">API keys guide</a> shows every way, for live feeds too.
        </p>
      </section>

      {props.sections}
    </Layout>
  );
}

function Unverified(props: { csrf: string; email: string }): SafeHtml {
  return (
    <div class="alert alert-warn">
      <h2>Confirm your email address</h2>
      <p>
        We sent a link to {props.email}. Open it to confirm your address: until then you cannot create API
        keys.
      </p>
      <form method="post" action="/account/verification" class="inline-form">
        <CsrfField csrf={props.csrf} />
        <button type="submit" class="button-secondary">
          Send the link again
        </button>
      </form>
    </div>
  );
}

function CreateKey(props: { csrf: string; create?: { name: string; error: string }; count: number }) {
  return (
    <form method="post" action="/account/keys" class="form">
      <h3>Create a key</h3>
      <CsrfField csrf={props.csrf} />
      <TextField
        id="key-name"
        name="name"
        label="Name of the key"
        hint="Say what uses it, like “bus arrivals app” or “research notebook”: one key per app lets you revoke one alone."
        value={props.create?.name}
        error={props.create?.error}
        maxlength={100}
        required
      />
      <button type="submit">Create key</button>
    </form>
  );
}

function Limits(props: AccountPageProps): SafeHtml {
  const own = props.user.tier;
  const raised = props.effectiveTier !== own;
  const first = props.allowances[0];
  if (first && !first.limited) {
    return <p>This server enforces no rate limits at the moment.</p>;
  }
  const f = props.format;
  return (
    <>
      <p>
        Your tier: <strong>{tierName(own)}</strong>.
        {raised
          ? ` Your requests count as ${tierName(props.effectiveTier)} for now, through an approved request.`
          : ''}
      </p>
      <div class="table-scroll">
        <table>
          <caption>What each tier allows</caption>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Requests</th>
              <th scope="col">Downloads at once</th>
              <th scope="col">Live connections at once</th>
            </tr>
          </thead>
          <tbody>
            {props.allowances.map((a) => (
              <tr>
                <th scope="row">
                  {tierName(a.tier)}
                  {a.tier === props.effectiveTier ? ' (yours)' : ''}
                </th>
                <td>
                  {f.number(a.requests)} per {windowWords(a.windowSeconds)}
                </td>
                <td>{f.number(a.downloads)}</td>
                <td>{f.number(a.live)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Requests made with your keys count against your tier. A request over the limit is answered{' '}
        <code>429</code> with a <code>Retry-After</code> header.
      </p>
    </>
  );
}
