/**
 * `/records/follow/{token}`: the requester's own view through the private link: where the request stands, the
 * City's messages, the records released to them, fees, a denial with its notice, the reconsiderations, and the
 * two things a requester can do: ask for a reconsideration and withdraw the request. Forms work without script.
 */
import { Fragment, h, raw, type SafeHtml } from '../../web/html.js';
import { Layout, type SiteInfo } from '../../web/pages/layout.js';
import type { RequestDetail } from '../records/records.types.js';
import { cityToday, longDate } from './public-dates.js';
import { ErrorSummary, RadioGroup, TextArea, type ShownProblem } from './public-fields.js';
import {
  DenialSection,
  FeesSection,
  ReconsiderationList,
  reconsiderable,
  RemediesText,
} from './public-follow-sections.js';
import { departmentNames, DocumentList, DueLine, MessageList, StatusTag, Written } from './public-parts.js';

export const RECONSIDER_REASON_MAX = 5_000;

export interface FollowModel {
  site: SiteInfo;
  request: RequestDetail;
  /** The page's own address (the forms post next to it). */
  base: string;
  csrf: string;
  /** What was just done (after a redirect). */
  done?: 'withdrawn' | 'reconsideration';
  problems?: { withdraw?: string; reason?: string; subject?: string };
  values?: { reason: string; subject: string };
  now?: Date;
}

export function FollowPage(props: { model: FollowModel }): SafeHtml {
  const { model } = props;
  const { site, request } = model;
  const t = site.t.records;
  const shown: ShownProblem[] = [];
  if (model.problems?.withdraw) shown.push({ id: 'confirm', message: model.problems.withdraw });
  if (model.problems?.subject) shown.push({ id: 'subject-denial', message: model.problems.subject });
  if (model.problems?.reason) shown.push({ id: 'reason', message: model.problems.reason });
  const today = cityToday(site.timeZone, model.now);
  const subjects = reconsiderable(site, request, today);
  const hasRemedies = request.denial !== null || request.fees.totalCents > 0;
  return (
    <Layout
      site={site}
      title={shown.length > 0 ? t.errorTitle(t.followTitle(request.number)) : t.followTitle(request.number)}
      index={false}
    >
      <div class="records records-follow">
        <h1>{t.followTitle(request.number)}</h1>
        <p class="records-private-note">{t.followPrivate}</p>
        {model.done ? (
          <div class="usa-alert usa-alert--success usa-alert--slim" role="status">
            <div class="usa-alert__body">
              <p class="usa-alert__text">
                {model.done === 'withdrawn' ? t.doneWithdrawn : t.doneReconsideration}
              </p>
            </div>
          </div>
        ) : null}
        <ErrorSummary site={site} problems={shown} />
        <dl class="records-facts">
          <dt>{t.statusHeading}</dt>
          <dd>
            <StatusTag site={site} request={request} />
          </dd>
          <dt>{t.deadlineHeading}</dt>
          <dd>
            <DueLine site={site} request={request} now={model.now} />
          </dd>
          <dt>{t.receivedHeading}</dt>
          <dd>{site.format.dateTime(request.receivedAt)}</dd>
          <dt>{t.departmentsHeading}</dt>
          <dd>{departmentNames(site, request)}</dd>
          <dt>{t.formatHeading}</dt>
          <dd>{t.formatLabel(request.preferredFormat)}</dd>
        </dl>
        {request.extension ? (
          <section
            class="usa-alert usa-alert--info records-extension"
            aria-labelledby="records-extension-heading"
          >
            <div class="usa-alert__body">
              <h2 class="usa-alert__heading" id="records-extension-heading">
                {t.extensionHeading}
              </h2>
              <p class="usa-alert__text">
                {t.extensionText(
                  request.extension.days,
                  t.unusualCircumstance(request.extension.reason),
                  longDate(request.dueDate, site.lang),
                )}
              </p>
              {request.extension.notice ? <Written text={request.extension.notice} /> : raw('')}
            </div>
          </section>
        ) : null}
        {request.status === 'closed' && (request.closeNote || request.referredTo) ? (
          <section class="records-section" aria-labelledby="records-closing-heading">
            <h2 id="records-closing-heading">{t.closingHeading}</h2>
            {request.referredTo ? <p>{t.referredTo(request.referredTo)}</p> : null}
            {request.closeNote ? <Written text={request.closeNote} /> : null}
          </section>
        ) : null}
        <section class="records-section" aria-labelledby="records-description-heading">
          <h2 id="records-description-heading">{t.yourRequestHeading}</h2>
          <Written text={request.description} class="records-description" />
          <Attachments site={site} request={request} />
        </section>
        {request.denial ? <DenialSection site={site} denial={request.denial} /> : null}
        <section class="records-section" aria-labelledby="records-documents-heading">
          <h2 id="records-documents-heading">{t.documentsHeading}</h2>
          <DocumentList site={site} documents={request.documents} visible={['public', 'requester']} />
        </section>
        <FeesSection site={site} fees={request.fees} />
        <section class="records-section" aria-labelledby="records-messages-heading">
          <h2 id="records-messages-heading">{t.messagesHeading}</h2>
          <MessageList site={site} messages={request.messages} />
        </section>
        {hasRemedies || request.reconsiderations.length > 0 ? (
          <section class="records-section" aria-labelledby="records-reconsider-heading">
            <h2 id="records-reconsider-heading">{t.reconsiderHeading}</h2>
            <RemediesText site={site} request={request} />
            <ReconsiderationList site={site} request={request} />
            {subjects.length > 0 ? <ReconsiderForm model={model} subjects={subjects} /> : null}
          </section>
        ) : null}
        {request.status !== 'closed' ? <WithdrawForm model={model} /> : null}
      </div>
    </Layout>
  );
}

/** The files the requester sent with the request. */
function Attachments(props: { site: SiteInfo; request: RequestDetail }): SafeHtml {
  const files = props.request.attachments ?? [];
  if (files.length === 0) return raw('');
  const t = props.site.t.records;
  return (
    <>
      <h3>{t.yourFilesHeading}</h3>
      <ul class="usa-list">
        {files.map((f) => (
          <li>
            {f.url ? <a href={f.url}>{f.fileName}</a> : f.fileName} ({props.site.format.bytes(f.size)})
          </li>
        ))}
      </ul>
    </>
  );
}

function ReconsiderForm(props: { model: FollowModel; subjects: ('denial' | 'fee')[] }): SafeHtml {
  const { model, subjects } = props;
  const { site } = model;
  const t = site.t.records;
  const [only] = subjects;
  return (
    <form method="post" action={`${model.base}/reconsideration`} class="usa-form usa-form--large" novalidate>
      <input type="hidden" name="_csrf" value={model.csrf} />
      <h3>{t.reconsiderFormHeading}</h3>
      {subjects.length === 1 && only ? (
        <input type="hidden" name="subject" value={only} />
      ) : (
        <RadioGroup
          site={site}
          id="subject"
          name="subject"
          legend={t.reconsiderSubjectLegend}
          value={model.values?.subject ?? ''}
          error={model.problems?.subject}
          options={subjects.map((s) => ({ value: s, label: t.reconsiderationOf(s) }))}
        />
      )}
      <TextArea
        site={site}
        id="reason"
        name="reason"
        label={subjects.length === 1 && only ? t.reconsiderReasonFor(only) : t.reconsiderReasonLabel}
        hint={t.reconsiderReasonHint}
        marker="required"
        value={model.values?.reason ?? ''}
        error={model.problems?.reason}
        maxlength={RECONSIDER_REASON_MAX}
        required
        rows={5}
      />
      <button class="usa-button" type="submit">
        {t.reconsiderButton}
      </button>
    </form>
  );
}

function WithdrawForm(props: { model: FollowModel }): SafeHtml {
  const { model } = props;
  const t = model.site.t.records;
  const error = model.problems?.withdraw;
  return (
    <section class="records-section records-withdraw" aria-labelledby="records-withdraw-heading">
      <h2 id="records-withdraw-heading">{t.withdrawHeading}</h2>
      <p>{t.withdrawExplained}</p>
      <form method="post" action={`${model.base}/withdraw`} class="usa-form usa-form--large" novalidate>
        <input type="hidden" name="_csrf" value={model.csrf} />
        <div class={error ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
          {error ? (
            <span class="usa-error-message" id="confirm-error">
              <span class="usa-sr-only">{t.errorPrefix} </span>
              {error}
            </span>
          ) : null}
          <div class="usa-checkbox">
            <input
              class="usa-checkbox__input"
              id="confirm"
              type="checkbox"
              name="confirm"
              value="yes"
              required
              aria-describedby={error ? 'confirm-error' : undefined}
              aria-invalid={error ? 'true' : undefined}
            />
            <label class="usa-checkbox__label" for="confirm">
              {t.withdrawConfirm}
            </label>
          </div>
        </div>
        <button class="usa-button usa-button--secondary" type="submit">
          {t.withdrawButton}
        </button>
      </form>
    </section>
  );
}
