/**
 * A developer's account page: profile, rate-limit tier, API keys and the form to create one. Other parts of
 * the access module add their own sections below the keys (see ../account-sections.ts).
 */
import { Fragment, h, type SafeHtml } from '../../../web/html.js';
import type { Formatter } from '../../../web/format.js';
import type { T } from '../../../web/i18n/index.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import type { ApiKey } from '../../keys/keys.service.js';
import type { User } from '../../users/users.service.js';
import type { Allowance } from '../allowance.js';
import { CsrfField, maskedKey, TextField } from './form-parts.js';
import { KeyStatus } from './key-status.js';

export interface Notice {
  tone: 'ok' | 'warn' | 'error';
  message: string;
  /** The language of `message` when it is not the page's. */
  lang?: string;
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

type Words = T['account'];

/** The notice of the last action, above the page's content. */
export function NoticeAlert(props: { notice?: Notice }): SafeHtml | null {
  if (!props.notice) return null;
  return (
    <div class={`alert alert-${props.notice.tone}`} role="status">
      <p lang={props.notice.lang}>{props.notice.message}</p>
    </div>
  );
}

export function AccountPage(props: AccountPageProps): SafeHtml {
  const { user, format: f } = props;
  const t = props.site.t.account;
  const live = props.keys.filter((k) => k.status !== 'revoked');
  return (
    <Layout site={props.site} title={t.accountTitle}>
      <h1>{t.accountTitle}</h1>
      <NoticeAlert notice={props.notice} />
      {user.emailVerified ? null : <Unverified t={t} csrf={props.csrf} email={user.email} />}

      <section aria-labelledby="profile">
        <h2 id="profile">{t.profile}</h2>
        <dl class="kv">
          <dt>{t.name}</dt>
          <dd>{user.name || '—'}</dd>
          <dt>{t.emailShort}</dt>
          <dd>
            {user.email}{' '}
            {user.emailVerified ? (
              <span class="badge badge-ok">{t.confirmed}</span>
            ) : (
              <span class="badge badge-warn">{t.notConfirmed}</span>
            )}
          </dd>
          <dt>{t.status}</dt>
          <dd>{t.accountStatus(user.status)}</dd>
          <dt>{t.memberSince}</dt>
          <dd>{f.date(user.createdAt)}</dd>
          <dt>{t.termsAccepted}</dt>
          <dd>
            {f.date(user.termsAcceptedAt)} (<a href="/terms">{t.readThem}</a>)
          </dd>
        </dl>
      </section>

      <section aria-labelledby="limits">
        <h2 id="limits">{t.rateLimits}</h2>
        <Limits {...props} />
      </section>

      <section aria-labelledby="keys">
        <h2 id="keys">{t.apiKeys}</h2>
        {props.keys.length === 0 ? <p>{t.noKeys}</p> : <KeysTable t={t} keys={props.keys} format={f} />}
        {user.emailVerified ? (
          <CreateKey t={t} csrf={props.csrf} create={props.create} count={live.length} />
        ) : (
          <p>{t.keysOnceConfirmed}</p>
        )}
        <p>
          {t.sendKeyLead}
          <code>X-Api-Key</code>
          {t.sendKeyMiddle}
          <a href="/docs/api-keys">{t.keysGuide}</a>
          {t.sendKeyTail}
        </p>
      </section>

      {props.sections}
    </Layout>
  );
}

function KeysTable(props: { t: Words; keys: readonly ApiKey[]; format: Formatter }): SafeHtml {
  const { t, format: f } = props;
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{t.keysCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colName}</th>
            <th scope="col">{t.colKey}</th>
            <th scope="col">{t.colCreated}</th>
            <th scope="col">{t.colLastUsed}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.colActions}</th>
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
              <td>{k.lastUsedAt ? f.dateTime(k.lastUsedAt) : t.never}</td>
              <td>
                <KeyStatus t={t} apiKey={k} format={f} />
              </td>
              <td>
                <a href={`/account/keys/${k.id}`}>
                  {t.usage}
                  <span class="visually-hidden">{t.usageOf(k.name)}</span>
                </a>
                {k.status === 'revoked' ? null : (
                  <>
                    {' · '}
                    <a href={`/account/keys/${k.id}/revoke`}>
                      {t.revokeAction}
                      <span class="visually-hidden"> {k.name}</span>
                    </a>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Unverified(props: { t: Words; csrf: string; email: string }): SafeHtml {
  const { t } = props;
  return (
    <div class="alert alert-warn">
      <h2>{t.confirmTitle}</h2>
      <p>{t.unverifiedBody(props.email)}</p>
      <form method="post" action="/account/verification" class="inline-form">
        <CsrfField csrf={props.csrf} />
        <button type="submit" class="button-secondary">
          {t.sendAgain}
        </button>
      </form>
    </div>
  );
}

function CreateKey(props: {
  t: Words;
  csrf: string;
  create?: { name: string; error: string };
  count: number;
}) {
  const { t } = props;
  return (
    <form method="post" action="/account/keys" class="form">
      <h3>{t.createKeyHeading}</h3>
      <CsrfField csrf={props.csrf} />
      <TextField
        t={t}
        id="key-name"
        name="name"
        label={t.keyName}
        hint={t.keyNameHint}
        value={props.create?.name}
        error={props.create?.error}
        maxlength={100}
        required
      />
      <button type="submit">{t.createKey}</button>
    </form>
  );
}

function Limits(props: AccountPageProps): SafeHtml {
  const t = props.site.t.account;
  const own = props.user.tier;
  const raised = props.effectiveTier !== own;
  const first = props.allowances[0];
  if (first && !first.limited) {
    return <p>{t.noLimits}</p>;
  }
  const f = props.format;
  return (
    <>
      <p>
        {t.yourTier}
        <strong>{t.tierName(own)}</strong>.{raised ? t.raisedTier(t.tierName(props.effectiveTier)) : ''}
      </p>
      <div class="table-scroll">
        <table>
          <caption>{t.tiersCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colTier}</th>
              <th scope="col">{t.colRequests}</th>
              <th scope="col">{t.colDownloads}</th>
              <th scope="col">{t.colLive}</th>
            </tr>
          </thead>
          <tbody>
            {props.allowances.map((a) => (
              <tr>
                <th scope="row">
                  {t.tierName(a.tier)}
                  {a.tier === props.effectiveTier ? t.yours : ''}
                </th>
                <td>{t.perWindow(f.number(a.requests), a.windowSeconds)}</td>
                <td>{f.number(a.downloads)}</td>
                <td>{f.number(a.live)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {t.limitsLead}
        <code>429</code>
        {t.limitsWith}
        <code>Retry-After</code>
        {t.limitsTail}
      </p>
    </>
  );
}
