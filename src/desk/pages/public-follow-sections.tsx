/**
 * The requester's view of a decision: the fees and their payment, the written denial (exemptions and the people
 * responsible, with titles), the reconsiderations asked for, and the remedies: the Clerk's reconsideration and a
 * petition to the superior court.
 */
import { h, raw, type SafeHtml } from '../../web/html.js';
import type { SiteInfo } from '../../web/pages/layout.js';
import type { Denial, RequestDetail } from '../records/records.types.js';
import { addDays, cityDate, longDate } from './public-dates.js';
import { money, Written } from './public-parts.js';

export function FeesSection(props: { site: SiteInfo; fees: RequestDetail['fees'] }): SafeHtml {
  const { site, fees } = props;
  const t = site.t.records;
  if (fees.lines.length === 0 && fees.payment === 'not_required') return raw('');
  return (
    <section class="records-section" aria-labelledby="records-fees-heading">
      <h2 id="records-fees-heading">{t.feesHeading}</h2>
      <p>{t.feesExplained}</p>
      {fees.lines.length > 0 ? (
        <table class="usa-table usa-table--borderless records-fees">
          <caption class="usa-sr-only">{t.feesHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.feeKindHeading}</th>
              <th scope="col">{t.feeDescriptionHeading}</th>
              <th scope="col" class="records-amount">
                {t.feeAmountHeading}
              </th>
            </tr>
          </thead>
          <tbody>
            {fees.lines.map((line) => (
              <tr>
                <td>{t.feeKind(line.kind)}</td>
                <td>{line.description}</td>
                <td class="records-amount">{money(site, line.amountCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="2">
                {t.feeTotal}
              </th>
              <td class="records-amount">
                <strong>{money(site, fees.totalCents)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      ) : null}
      <p>
        <strong>{t.paymentHeading}:</strong> {t.paymentStatus(fees.payment)}
      </p>
    </section>
  );
}

export function DenialSection(props: { site: SiteInfo; denial: Denial }): SafeHtml {
  const { site, denial } = props;
  const t = site.t.records;
  return (
    <section class="usa-alert usa-alert--warning records-denial" aria-labelledby="records-denial-heading">
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading" id="records-denial-heading">
          {denial.scope === 'full' ? t.denialFull : t.denialPartial}
        </h2>
        <p class="usa-alert__text">{t.denialOn(site.format.date(denial.at))}</p>
        {denial.explanation ? <Written text={denial.explanation} /> : raw('')}
        <h3>{t.exemptionsHeading}</h3>
        <ul class="usa-list">
          {denial.exemptions.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
        <h3>{t.responsibleHeading}</h3>
        <ul class="usa-list">
          {denial.responsible.map((p) => (
            <li>{t.personWithTitle(p.name, p.title)}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/**
 * The last day to ask for a reconsideration of a denial or a fee: as the desk says, or else the city's period
 * from the denial's date.
 */
export function reconsiderationLastDay(
  site: SiteInfo,
  request: RequestDetail,
  subject: 'denial' | 'fee',
): string | undefined {
  const said = request.reconsiderationUntil?.[subject];
  if (said) return said;
  const days = site.city.records?.reconsiderationDays;
  if (subject !== 'denial' || !request.denial || days === undefined) return undefined;
  return addDays(cityDate(request.denial.at, site.timeZone), days);
}

/** The reconsiderations asked for, with their decisions. */
export function ReconsiderationList(props: { site: SiteInfo; request: RequestDetail }): SafeHtml {
  const { site } = props;
  const t = site.t.records;
  if (props.request.reconsiderations.length === 0) return raw('');
  return (
    <ul class="usa-list usa-list--unstyled records-reconsiderations">
      {props.request.reconsiderations.map((r) => (
        <li class="records-reconsideration">
          <p>
            <strong>{t.reconsiderationOf(r.subject)}</strong> · {t.askedOn(site.format.date(r.requestedAt))} ·{' '}
            {t.reconsiderationDecision(r.decision)}
          </p>
          <Written text={r.reason} />
          {r.decisionNote ? (
            <div class="records-reconsideration__decision">
              <p>
                {r.decidedAt ? t.decidedOn(site.format.date(r.decidedAt)) : ''}
                {r.decidedBy ? ` · ${t.personWithTitle(r.decidedBy.name, r.decidedBy.title)}` : ''}
              </p>
              <Written text={r.decisionNote} />
            </div>
          ) : (
            raw('')
          )}
        </li>
      ))}
    </ul>
  );
}

/** What may still be reconsidered: a denial or a fee, once each, while nothing about it is pending. */
export function reconsiderable(site: SiteInfo, request: RequestDetail, today: string): ('denial' | 'fee')[] {
  const pending = (subject: 'denial' | 'fee') =>
    request.reconsiderations.some((r) => r.subject === subject && r.decision === 'pending');
  const open = (subject: 'denial' | 'fee') => {
    const last = reconsiderationLastDay(site, request, subject);
    return !pending(subject) && (last === undefined || today <= last);
  };
  const subjects: ('denial' | 'fee')[] = [];
  if (request.denial && open('denial')) subjects.push('denial');
  if (request.fees.totalCents > 0 && request.fees.payment !== 'waived' && open('fee')) subjects.push('fee');
  return subjects;
}

/** The remedies, said on every denial and fee: the Clerk's reconsideration and the superior court. */
export function RemediesText(props: { site: SiteInfo; request: RequestDetail }): SafeHtml {
  const { site, request } = props;
  const t = site.t.records;
  const records = site.city.records;
  const denialBy = reconsiderationLastDay(site, request, 'denial');
  const feeBy = request.fees.totalCents > 0 ? reconsiderationLastDay(site, request, 'fee') : undefined;
  return (
    <div class="records-remedies">
      <p>
        {records
          ? t.reconsiderExplained(records.clerk.title, records.reconsiderationDays)
          : t.rightsReconsiderAny}
      </p>
      {denialBy || feeBy ? (
        <ul class="usa-list">
          {denialBy ? <li>{t.reconsiderBy('denial', longDate(denialBy, site.lang))}</li> : null}
          {feeBy ? <li>{t.reconsiderBy('fee', longDate(feeBy, site.lang))}</li> : null}
        </ul>
      ) : null}
      <p>{t.courtRemedy}</p>
    </div>
  );
}
