/**
 * `GET /datasets/{id}/report`: the form to report a problem with a dataset or one of its sensors: the kind of
 * problem (with a plain-words hint each), a description, the sensor (sensor datasets), the rows, the period and an
 * email address. One POST, no script; a refused form comes back with every value kept and each problem listed at
 * the top and next to its field.
 */
import { h, type SafeHtml } from '../../../web/html.js';
import { Breadcrumb } from '../../../web/pages/breadcrumb.js';
import { Layout, type SiteInfo } from '../../../web/pages/layout.js';
import { ErrorSummary, RadioGroup, Select, TextArea, TextInput } from '../../pages/public-fields.js';
import { fieldProps, formProblems, Honeypot } from '../../shared-pages/form-parts.js';
import { REPORT_KINDS } from '../reports.types.js';
import { HONEYPOT, LIMITS, type ReportFormValues, type ReportProblem } from './report-form.js';

export interface ReportFormModel {
  site: SiteInfo;
  csrf: string;
  dataset: { id: string; title: string; department: string; sensor: boolean };
  /** Whether reports of this dataset are public (its data is public). */
  publicReports: boolean;
  datastreams: readonly { id: number; name: string }[];
  values: ReportFormValues;
  problems: readonly ReportProblem[];
  /** The city's time zone, named in the period's hint. */
  timeZone: string;
}

/** The id of the control a problem points to. */
const fieldId = (field: ReportProblem['field']) => (field === 'kind' ? 'kind-wrong_values' : field);

function problemText(site: SiteInfo, problem: ReportProblem): string {
  const t = site.t.reports;
  switch (problem.code) {
    case 'kind':
      return t.errKind;
    case 'required':
      return t.errDescription;
    case 'too_short':
      return t.errDescriptionShort(LIMITS.descriptionMin);
    case 'too_long':
      return t.errTooLong(
        site.format.number(LIMITS[problem.field as 'description' | 'email' | 'rowRef'] ?? LIMITS.description),
      );
    case 'email':
      return t.errEmail;
    case 'datastream':
      return t.errDatastream;
    case 'time':
      return t.errTime;
    case 'time_order':
      return t.errTimeOrder;
    case 'honeypot':
      return t.errHoneypot;
    case 'rate_limited':
      return t.errRateLimited;
    case 'invalid':
      return problem.message ? `${t.errInvalid} (${problem.message})` : t.errInvalid;
  }
}

/** A local date-time field (the browser's own picker; typed text works too). */
function TimeInput(props: { site: SiteInfo; id: string; label: string; value: string; error?: string }) {
  const t = props.site.t.reports;
  return (
    <div
      class={
        props.error ? 'usa-form-group usa-form-group--error reports-time' : 'usa-form-group reports-time'
      }
    >
      <label class={props.error ? 'usa-label usa-label--error' : 'usa-label'} for={props.id}>
        {props.label}
      </label>
      {props.error ? (
        <span class="usa-error-message" id={`${props.id}-error`}>
          <span class="usa-sr-only">{t.errorPrefix} </span>
          {props.error}
        </span>
      ) : null}
      <input
        class={props.error ? 'usa-input usa-input--error' : 'usa-input'}
        id={props.id}
        name={props.id}
        type="datetime-local"
        value={props.value}
        aria-describedby={props.error ? `period-hint ${props.id}-error` : 'period-hint'}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

export function ReportFormPage(props: { model: ReportFormModel }): SafeHtml {
  const { model } = props;
  const { site, values, dataset } = model;
  const t = site.t.reports;
  const { errorOf, shown } = formProblems(model.problems, fieldId, (p) => problemText(site, p));
  const field = fieldProps(site, values, errorOf);
  const datasetPath = `/datasets/${encodeURIComponent(dataset.id)}`;
  const title = t.formTitle(dataset.title);
  return (
    <Layout
      site={site}
      title={shown.length > 0 ? t.errorTitle(title) : title}
      section="datasets"
      index={false}
    >
      <Breadcrumb
        site={site}
        trail={[
          { href: '/datasets', text: site.t.common.navDatasets },
          { href: datasetPath, text: dataset.title },
        ]}
        current={t.reportProblem}
      />
      <div class="reports reports-form-page">
        <h1>{title}</h1>
        <p class="usa-intro">{t.formIntro(dataset.department)}</p>
        <p>{model.publicReports ? t.formPublicNote : t.formPrivateNote}</p>
        <form
          method="post"
          action={`${datasetPath}/report`}
          class="usa-form usa-form--large reports-form"
          novalidate
        >
          <input type="hidden" name="_csrf" value={model.csrf} />
          <ErrorSummary site={site} problems={shown} />
          <RadioGroup
            {...field('kind')}
            legend={t.kindLegend}
            marker="required"
            options={REPORT_KINDS.map((k) => ({ value: k, label: t.kindLabel(k), hint: t.kindHint(k) }))}
          />
          <TextArea
            {...field('description')}
            label={t.descriptionLabel}
            hint={t.descriptionHint}
            marker="required"
            maxlength={LIMITS.description}
            required
            rows={6}
          />
          {(dataset.sensor && model.datastreams.length > 0) || errorOf('datastream') ? (
            <Select
              {...field('datastream')}
              label={t.datastreamLabel}
              hint={t.datastreamHint}
              marker="optional"
              options={[
                { value: '', label: t.datastreamNone },
                ...model.datastreams.map((d) => ({ value: String(d.id), label: d.name })),
              ]}
            />
          ) : null}
          <TextInput
            {...field('rowRef')}
            label={t.rowLabel}
            hint={t.rowHint}
            marker="optional"
            maxlength={LIMITS.rowRef}
          />
          <fieldset class="usa-fieldset reports-period" aria-describedby="period-hint">
            <legend class="usa-legend">
              {t.periodLegend} <span class="records-marker">{t.optional}</span>
            </legend>
            <div class="usa-hint" id="period-hint">
              {t.periodHint(model.timeZone)}
            </div>
            <div class="reports-period__fields">
              <TimeInput {...field('timeFrom')} label={t.fromLabel} />
              <TimeInput {...field('timeTo')} label={t.toLabel} />
            </div>
          </fieldset>
          <TextInput
            {...field('email')}
            type="email"
            label={t.emailLabel}
            hint={t.emailHint}
            marker="optional"
            autocomplete="email"
            maxlength={LIMITS.email}
          />
          <Honeypot prefix="reports" name={HONEYPOT} label={t.honeypotLabel} error={errorOf(HONEYPOT)} />
          <div class="reports-form__buttons">
            <button class="usa-button" type="submit">
              {t.sendButton}
            </button>
            <a href={datasetPath}>{t.backToDataset}</a>
          </div>
        </form>
      </div>
    </Layout>
  );
}
