/**
 * Pages of access requests: the form, the requester's list and detail (in the visitor's language), and the
 * pieces the deciders' pages reuse (in English unless given other words).
 */
import type { Formatter } from '../../web/format.js';
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import { messagesFor, type T } from '../../web/i18n/index.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import { CsrfField, ErrorSummary } from '../developers/pages/form-parts.js';
import { TIERS, type Tier } from '../principal.js';
import { problemOf, Select, TextArea, type Problems } from './form-fields.js';
import { TEXT_MAX, TEXT_MIN, type AccessRequestView } from './requests.schema.js';

type Words = T['account'];
const ENGLISH: Words = messagesFor('en').account;

const LABELS = {
  purpose: 'Purpose',
  intended_use: 'Intended use',
  tier: 'Tier',
  dataset: 'Dataset',
  reason: 'Reason',
  until: 'Access until',
};

export function StatusBadge(props: { request: AccessRequestView; t?: Words }): SafeHtml {
  const t = props.t ?? ENGLISH;
  const r = props.request;
  const tone =
    r.status === 'approved' && !r.limited
      ? 'badge-ok'
      : r.status === 'pending' || r.limited
        ? 'badge-warn'
        : '';
  const text = r.status === 'approved' && r.limited ? t.reqApprovedLimited : t.reqStatus(r.status);
  return <span class={`badge ${tone}`.trim()}>{text}</span>;
}

const subject = (r: AccessRequestView, t: Words) =>
  r.dataset ? r.dataset.title : t.reqTierSubject(r.tier ?? '');

/** A requester's requests, as a table. */
export function RequestsTable(props: {
  requests: readonly AccessRequestView[];
  format: Formatter;
  t?: Words;
}): SafeHtml {
  const t = props.t ?? ENGLISH;
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{t.reqCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.reqColAskedFor}</th>
            <th scope="col">{t.reqColAskedOn}</th>
            <th scope="col">{t.reqColStatus}</th>
            <th scope="col">{t.reqColDecision}</th>
          </tr>
        </thead>
        <tbody>
          {props.requests.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/access/requests/${r.id}`}>{subject(r, t)}</a>
              </th>
              <td>{props.format.date(r.created_at)}</td>
              <td>
                <StatusBadge request={r} t={t} />
              </td>
              <td>
                {r.status === 'approved'
                  ? r.approved_until
                    ? t.reqUntil(props.format.date(r.approved_until))
                    : t.reqNoEndDate
                  : r.status === 'denied'
                    ? (r.decision_reason ?? '')
                    : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The requester's requests as a section of their account page. */
export function AccessRequestsSection(props: {
  requests: readonly AccessRequestView[];
  format: Formatter;
  t?: Words;
}): SafeHtml {
  const t = props.t ?? ENGLISH;
  return (
    <section aria-labelledby="access-requests">
      <h2 id="access-requests">{t.reqSectionTitle}</h2>
      {props.requests.length ? (
        <RequestsTable requests={props.requests} format={props.format} t={t} />
      ) : (
        <p>{t.reqNone}</p>
      )}
      <p>
        <a href="/access/request">{t.reqAskTier}</a>
      </p>
    </section>
  );
}

export function MyRequestsPage(props: {
  site: SiteInfo;
  requests: readonly AccessRequestView[];
  format: Formatter;
}): SafeHtml {
  const t = props.site.t.account;
  return (
    <Layout site={props.site} title={t.reqMineTitle}>
      <nav aria-label={props.site.t.common.breadcrumb} class="breadcrumb">
        <a href="/account">{t.accountTitle}</a> › {t.reqSectionTitle}
      </nav>
      <h1>{t.reqMineTitle}</h1>
      <AccessRequestsSection requests={props.requests} format={props.format} t={t} />
    </Layout>
  );
}

export interface RequestFormModel {
  site: SiteInfo;
  csrf: string;
  dataset?: { id: string; title: string; department: string };
  /** The tier asked for (tier requests). */
  tier?: string;
  currentTier: string;
  /** A pending request for the same thing. */
  pending?: string;
  values: { purpose?: string; intended_use?: string };
  /** The problems, in the page's language (see ./request-words.ts). */
  problems: Problems;
}

export function RequestFormPage(m: RequestFormModel): SafeHtml {
  const t = m.site.t.account;
  const title = m.dataset ? t.reqFormDatasetTitle(m.dataset.title) : t.reqFormTierTitle;
  const labels = {
    purpose: t.reqPurpose,
    intended_use: t.reqIntendedUse,
    tier: t.reqTier,
    dataset: t.reqDataset,
  };
  return (
    <Layout site={m.site} title={title}>
      <h1>{title}</h1>
      {m.dataset ? (
        <p>
          {t.reqDatasetLead}
          <a href={`/datasets/${encodeURIComponent(m.dataset.id)}`}>{m.dataset.title}</a>
          {t.reqDatasetTail(m.dataset.department)}
        </p>
      ) : (
        <p>{t.reqTierIntro(m.currentTier)}</p>
      )}
      {m.pending ? (
        <div class="alert alert-warn">
          <p>
            {t.reqPendingLead}
            <a href={`/access/requests/${m.pending}`}>{t.reqPendingLink}</a>
            {t.reqPendingTail}
          </p>
        </div>
      ) : (
        <form method="post" action="/access/request" class="form" novalidate>
          <ErrorSummary t={t} problems={m.problems} labels={labels} />
          <CsrfField csrf={m.csrf} />
          {m.dataset ? <input type="hidden" name="dataset" value={m.dataset.id} /> : null}
          {m.dataset ? null : (
            <Select
              t={t}
              id="tier"
              label={labels.tier}
              required
              value={m.tier ?? 'elevated'}
              error={problemOf(m.problems, 'tier')}
              options={(['elevated', 'partner'] as const)
                .filter((tier) => TIERS.indexOf(tier) > TIERS.indexOf(m.currentTier as Tier))
                .map((tier) => ({ value: tier, label: t.tierName(tier) }))}
            />
          )}
          <TextArea
            t={t}
            id="purpose"
            label={labels.purpose}
            required
            maxlength={TEXT_MAX}
            hint={t.reqPurposeHint(TEXT_MIN, TEXT_MAX)}
            error={problemOf(m.problems, 'purpose')}
            value={m.values.purpose}
          />
          <TextArea
            t={t}
            id="intended_use"
            label={labels.intended_use}
            required
            maxlength={TEXT_MAX}
            hint={t.reqUseHint(TEXT_MIN, TEXT_MAX)}
            error={problemOf(m.problems, 'intended_use')}
            value={m.values.intended_use}
          />
          <button type="submit">{t.reqSend}</button>
        </form>
      )}
    </Layout>
  );
}

/**
 * What a denial or limited approval lets the requester do next. The steps are the decision mail's words
 * (English); `lang` says so on a page in another language.
 */
export function NextSteps(props: { steps: readonly string[]; t?: Words; lang?: string }): SafeHtml | null {
  if (!props.steps.length) return null;
  const t = props.t ?? ENGLISH;
  return (
    <section aria-labelledby="next-steps" class="alert">
      <h2 id="next-steps">{t.reqNextSteps}</h2>
      <ul lang={props.lang}>
        {props.steps.map((s) => (
          <li>{s}</li>
        ))}
      </ul>
    </section>
  );
}

/** Who decided: a name, or the presenter's words for the requester and the administrators. */
function decider(r: AccessRequestView, t: Words): string | null {
  if (r.status === 'withdrawn') return t.reqYou;
  if (r.decided_by === 'the portal administrators') return t.reqByAdmins;
  return r.decided_by;
}

function Facts(props: {
  request: AccessRequestView;
  format: Formatter;
  staff?: boolean;
  t?: Words;
}): SafeHtml {
  const t = props.t ?? ENGLISH;
  const r = props.request;
  const by = decider(r, t);
  return (
    <dl class="metadata">
      {props.staff && r.requester ? (
        <div class="kv">
          <dt>{t.reqRequester}</dt>
          <dd>
            {r.requester.name ? `${r.requester.name} · ` : ''}
            {r.requester.email} · {t.reqRequesterTier(r.requester.tier)}
          </dd>
        </div>
      ) : null}
      <div class="kv">
        <dt>{t.reqColAskedFor}</dt>
        <dd>
          {r.dataset ? (
            <a href={`/datasets/${encodeURIComponent(r.dataset.id)}`}>{r.dataset.title}</a>
          ) : (
            t.reqTierSubject(r.tier ?? '')
          )}
        </dd>
      </div>
      <div class="kv">
        <dt>{t.reqWhoDecides}</dt>
        <dd>{r.department ? r.department.name : t.reqAdmins}</dd>
      </div>
      <div class="kv">
        <dt>{t.reqColAskedOn}</dt>
        <dd>{props.format.dateTime(r.created_at)}</dd>
      </div>
      <div class="kv">
        <dt>{t.reqColStatus}</dt>
        <dd>
          <StatusBadge request={r} t={t} />
          {r.decided_at ? ` ${props.format.dateTime(r.decided_at)}${by ? t.reqBy(by) : ''}` : ''}
        </dd>
      </div>
      {r.status === 'approved' ? (
        <div class="kv">
          <dt>{t.reqAccess}</dt>
          <dd>
            {r.approved_tier ? t.reqTierSubject(r.approved_tier) : t.reqTheDataset}
            {r.approved_until ? t.reqUntilEndOf(props.format.date(r.approved_until)) : t.reqNoEnd}
          </dd>
        </div>
      ) : null}
      {r.decision_reason ? (
        <div class="kv">
          <dt>{r.status === 'denied' ? t.reqReason : t.reqNote}</dt>
          <dd>{r.decision_reason}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function Statement(props: { request: AccessRequestView; t?: Words }): SafeHtml {
  const t = props.t ?? ENGLISH;
  return (
    <>
      <h2>{t.reqPurpose}</h2>
      <p class="statement">{props.request.purpose}</p>
      <h2>{t.reqIntendedUse}</h2>
      <p class="statement">{props.request.intended_use}</p>
    </>
  );
}

export function RequestPage(props: {
  site: SiteInfo;
  request: AccessRequestView;
  csrf: string;
  format: Formatter;
  notice?: string;
}): SafeHtml {
  const { site, request: r } = props;
  const t = site.t.account;
  const title = t.reqPageTitle(subject(r, t));
  return (
    <Layout site={site} title={title}>
      <nav aria-label={site.t.common.breadcrumb} class="breadcrumb">
        <a href="/account">{t.accountTitle}</a> › <a href="/access/requests">{t.reqSectionTitle}</a>
      </nav>
      <h1>{title}</h1>
      {props.notice ? (
        <div class="alert alert-ok" role="status">
          <p>{props.notice}</p>
        </div>
      ) : null}
      <Facts request={r} format={props.format} t={t} />
      <NextSteps steps={r.next_steps} t={t} lang={site.lang === 'en' ? undefined : 'en'} />
      <Statement request={r} t={t} />
      {r.status === 'pending' ? (
        <form method="post" action={`/access/requests/${r.id}/withdraw`} class="form">
          <CsrfField csrf={props.csrf} />
          <button type="submit" class="button-secondary">
            {t.reqWithdraw}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}

export { Facts as RequestFacts, Statement as RequestStatement, LABELS as REQUEST_LABELS };
