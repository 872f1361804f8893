/**
 * The public request form: what is wanted, in which format, from which department, with files, and how to reach
 * the requester. It works without JavaScript (one multipart POST; a "check for datasets first" button shows the
 * suggestions below the description and keeps everything typed and attached); with it, the records-suggest
 * island fills the same place while the requester types.
 */
import { h, type SafeHtml } from '../../web/html.js';
import type { SiteInfo } from '../../web/pages/layout.js';
import { fieldProps, formProblems, Honeypot } from '../shared-pages/form-parts.js';
import type { HeldAttachment } from './public-attachments.js';
import { ErrorSummary, RadioGroup, Select, TextArea, TextInput } from './public-fields.js';
import { FORMATS, HONEYPOT, LIMITS, type RequestFormValues, type RequestProblem } from './public-form.js';
import { SuggestionList, type Suggestion } from './public-suggestions.js';

export interface RequestFormModel {
  site: SiteInfo;
  csrf: string;
  values: RequestFormValues;
  problems: readonly RequestProblem[];
  departments: readonly { id: string; name: string }[];
  /** Files already received on an earlier step, kept unless unticked. */
  kept: readonly HeldAttachment[];
  /** Undefined until the requester asks to check for datasets. */
  suggestions?: readonly Suggestion[];
  limits: { files: number; bytes: number };
}

/** The id of the control a problem points to. */
export function fieldId(field: RequestProblem['field']): string {
  return field === 'preferredFormat' ? 'preferredFormat-electronic' : field;
}

/** A problem in the page's language. */
export function problemText(
  model: Pick<RequestFormModel, 'site' | 'limits'>,
  problem: RequestProblem,
): string {
  const t = model.site.t.records;
  switch (problem.code) {
    case 'required':
      return t.errDescription;
    case 'too_short':
      return t.errDescriptionShort(LIMITS.descriptionMin);
    case 'too_long':
      return t.errTooLong(
        model.site.format.number(
          problem.field === 'description'
            ? LIMITS.description
            : LIMITS[problem.field as 'name' | 'email' | 'phone'],
        ),
      );
    case 'email':
      return t.errEmail;
    case 'phone':
      return t.errPhone;
    case 'department':
      return t.errDepartment;
    case 'format':
      return t.errFormat;
    case 'honeypot':
      return t.errHoneypot;
    case 'attachment_too_large':
      return t.errFileTooLarge(model.site.format.bytes(model.limits.bytes));
    case 'too_many_attachments':
      return t.errTooManyFiles(model.limits.files);
    case 'invalid':
      return problem.message ? `${t.errInvalid} (${problem.message})` : t.errInvalid;
  }
}

export function RequestForm(props: { model: RequestFormModel }): SafeHtml {
  const { model } = props;
  const { site, values } = model;
  const t = site.t.records;
  const { errorOf, shown } = formProblems(model.problems, fieldId, (p) => problemText(model, p));
  const field = fieldProps(site, values, errorOf);
  const ignore = `${site.city.shortName} ${site.cityName}`;
  return (
    <form
      method="post"
      action="/records"
      enctype="multipart/form-data"
      class="usa-form usa-form--large records-form"
      novalidate
    >
      <input type="hidden" name="_csrf" value={model.csrf} />
      <ErrorSummary site={site} problems={shown} />
      <TextArea
        {...field('description')}
        label={t.descriptionLabel}
        hint={t.descriptionHint}
        marker="required"
        maxlength={LIMITS.description}
        required
        rows={7}
      />
      <div
        class="records-suggest"
        data-records-suggest=""
        data-heading={t.suggestHeading}
        data-intro={t.suggestIntro}
        data-none={t.suggestNone}
        data-found={JSON.stringify([1, 2, 3, 4, 5].map((n) => t.suggestFound(n)))}
        data-new-tab={t.opensNewTab}
        data-ignore={ignore}
      >
        <p class="usa-sr-only" role="status" data-records-suggest-status="">
          {model.suggestions ? t.suggestFoundOrNone(model.suggestions.length) : ''}
        </p>
        <div data-records-suggest-results="">
          {model.suggestions ? <SuggestionList site={site} suggestions={model.suggestions} /> : null}
        </div>
      </div>
      <RadioGroup
        {...field('preferredFormat')}
        legend={t.formatLegend}
        hint={t.formatHint}
        options={FORMATS.map((f) => ({ value: f, label: t.formatLabel(f), hint: t.formatDescription(f) }))}
      />
      <Select
        {...field('departmentId')}
        label={t.departmentLabel}
        hint={t.departmentHint}
        marker="optional"
        options={[
          { value: '', label: t.departmentUnknown },
          ...model.departments.map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <fieldset class="usa-fieldset records-contact" aria-describedby="contact-hint">
        <legend class="usa-legend usa-legend--large">{t.contactLegend}</legend>
        <div class="usa-hint" id="contact-hint">
          {t.contactHint}
        </div>
        <TextInput
          {...field('name')}
          label={t.nameLabel}
          marker="optional"
          autocomplete="name"
          maxlength={LIMITS.name}
        />
        <TextInput
          {...field('email')}
          type="email"
          label={t.emailLabel}
          hint={t.emailHint}
          marker="optional"
          autocomplete="email"
          maxlength={LIMITS.email}
        />
        <TextInput
          {...field('phone')}
          type="tel"
          label={t.phoneLabel}
          marker="optional"
          autocomplete="tel"
          maxlength={LIMITS.phone}
        />
      </fieldset>
      <Honeypot prefix="records" name={HONEYPOT} label={t.honeypotLabel} error={errorOf(HONEYPOT)} />
      <Attachments model={model} error={errorOf('attachments')} />
      <p class="records-form__public-note">{t.publicNote}</p>
      <div class="records-form__buttons">
        <button class="usa-button usa-button--outline" type="submit" name="action" value="check">
          {t.checkButton}
        </button>
        <button class="usa-button" type="submit" name="action" value="send">
          {t.sendButton}
        </button>
      </div>
    </form>
  );
}

/** The file field last (its parts come last in the upload), with the files already received above it. */
function Attachments(props: { model: RequestFormModel; error?: string }): SafeHtml {
  const { site, kept, limits } = props.model;
  const t = site.t.records;
  const describedBy = ['attachments-hint', props.error ? 'attachments-error' : ''].filter(Boolean).join(' ');
  return (
    <div class={props.error ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
      {kept.length > 0 ? (
        <fieldset class="usa-fieldset records-kept">
          <legend class="usa-legend">{t.keptLegend}</legend>
          {kept.map((file) => (
            <div class="usa-checkbox">
              <input
                class="usa-checkbox__input"
                id={`keep-${file.token}`}
                type="checkbox"
                name="keep"
                value={file.token}
                checked
              />
              <label class="usa-checkbox__label" for={`keep-${file.token}`}>
                {file.fileName} ({site.format.bytes(file.size)})
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <label class={props.error ? 'usa-label usa-label--error' : 'usa-label'} for="attachments">
        {kept.length > 0 ? t.attachMoreLabel : t.attachLabel} <span class="records-marker">{t.optional}</span>
      </label>
      <div class="usa-hint" id="attachments-hint">
        {t.attachHint(limits.files, site.format.bytes(limits.bytes))}
      </div>
      {props.error ? (
        <span class="usa-error-message" id="attachments-error">
          <span class="usa-sr-only">{t.errorPrefix} </span>
          {props.error}
        </span>
      ) : null}
      <input
        class="records-file"
        id="attachments"
        name="attachments"
        type="file"
        multiple
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}
