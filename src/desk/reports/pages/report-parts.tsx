/**
 * Parts shared by the reporter's private page and a report's public status page: the status as a tag (its
 * words carry the meaning, the colour only repeats it), the facts, the department's answer and replies, and
 * the history, oldest first.
 */
import { Fragment, h, type SafeHtml } from '../../../web/html.js';
import type { SiteInfo } from '../../../web/pages/layout.js';
import type { ReportEvent, ReportStatus, ReportView } from '../reports.types.js';

export function StatusTag(props: { site: SiteInfo; status: ReportStatus }): SafeHtml {
  return (
    <span class={`usa-tag reports-tag reports-tag--${props.status}`}>
      {props.site.t.reports.statusLabel(props.status)}
    </span>
  );
}

/** The period a report names, in the visitor's format, or null when it names none. */
export function periodText(site: SiteInfo, from: string | null, to: string | null): string | null {
  const t = site.t.reports;
  const f = site.format;
  if (from && to) return t.periodRange(f.dateTime(from), f.dateTime(to));
  if (from) return t.periodFrom(f.dateTime(from));
  if (to) return t.periodTo(f.dateTime(to));
  return null;
}

/** Text as its author wrote it: line breaks kept, never markup. */
export function Written(props: { text: string; class?: string }): SafeHtml {
  return <p class={props.class ? `reports-written ${props.class}` : 'reports-written'}>{props.text}</p>;
}

export function Facts(props: { site: SiteInfo; report: ReportView }): SafeHtml {
  const { site, report: r } = props;
  const t = site.t.reports;
  const period = periodText(site, r.timeFrom, r.timeTo);
  const datasetUrl = `/datasets/${encodeURIComponent(r.dataset.id)}`;
  return (
    <dl class="reports-facts">
      <dt>{t.factStatus}</dt>
      <dd>
        <StatusTag site={site} status={r.status} />
      </dd>
      <dt>{t.factDataset}</dt>
      <dd>
        <a href={datasetUrl}>{r.dataset.title}</a>
      </dd>
      {r.datastream ? (
        <>
          <dt>{t.factSensor}</dt>
          <dd>{r.datastream.name}</dd>
        </>
      ) : null}
      <dt>{t.factKind}</dt>
      <dd>{t.kindLabel(r.kind)}</dd>
      {period ? (
        <>
          <dt>{t.factPeriod}</dt>
          <dd>{period}</dd>
        </>
      ) : null}
      {r.rowRef ? (
        <>
          <dt>{t.factRows}</dt>
          <dd>{r.rowRef}</dd>
        </>
      ) : null}
      <dt>{t.factFiled}</dt>
      <dd>
        <time datetime={r.createdAt}>{site.format.dateTime(r.createdAt)}</time>
      </dd>
      <dt>{t.factDepartment}</dt>
      <dd>{r.department.name}</dd>
      <dt>{t.factSource}</dt>
      <dd>{r.source === 'automatic' ? t.sourceAutomatic : t.sourcePublic}</dd>
    </dl>
  );
}

const replies = (events: readonly ReportEvent[]) => events.filter((e) => e.kind === 'reply' && e.body);

/** The closing note (resolution or reason) and the department's public replies. */
export function Answer(props: { site: SiteInfo; report: ReportView }): SafeHtml {
  const { site, report: r } = props;
  const t = site.t.reports;
  const shown = replies(r.events);
  return (
    <>
      {r.closingNote && (r.status === 'resolved' || r.status === 'wont_fix') ? (
        <section
          class={`usa-alert ${r.status === 'resolved' ? 'usa-alert--success' : 'usa-alert--info'} reports-answer`}
          aria-labelledby="reports-answer-heading"
        >
          <div class="usa-alert__body">
            <h2 class="usa-alert__heading" id="reports-answer-heading">
              {r.status === 'resolved' ? t.resolvedNote : t.wontFixNote}
            </h2>
            <Written text={r.closingNote} class="usa-alert__text" />
          </div>
        </section>
      ) : null}
      <section class="reports-section" aria-labelledby="reports-replies-heading">
        <h2 id="reports-replies-heading">{t.repliesHeading}</h2>
        {shown.length === 0 ? (
          <p>{t.noReplies}</p>
        ) : (
          <ol class="usa-list usa-list--unstyled reports-replies">
            {shown.map((e) => (
              <li class="reports-reply">
                <p class="reports-reply__meta">
                  <strong>{t.eventReply(e.author)}</strong> ·{' '}
                  <time datetime={e.at}>{site.format.dateTime(e.at)}</time>
                </p>
                <Written text={e.body ?? ''} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function eventTitle(site: SiteInfo, e: ReportEvent): string {
  const t = site.t.reports;
  if (e.kind === 'filed') return t.eventFiled;
  if (e.kind === 'status') return t.eventStatus(t.statusLabel(e.to ?? ''));
  if (e.kind === 'reply') return t.eventReply(e.author);
  return e.kind;
}

/** The report's history: filed, status changes and replies, oldest first (public views hold nothing else). */
export function History(props: { site: SiteInfo; report: ReportView }): SafeHtml {
  const { site, report: r } = props;
  const t = site.t.reports;
  const events = r.events.filter((e) => e.kind === 'filed' || e.kind === 'status' || e.kind === 'reply');
  return (
    <section class="reports-section" aria-labelledby="reports-history-heading">
      <h2 id="reports-history-heading">{t.historyHeading}</h2>
      <ol class="reports-timeline">
        {events.map((e) => (
          <li class={`reports-timeline__item reports-timeline__item--${e.kind}`}>
            <time datetime={e.at}>{site.format.dateTime(e.at)}</time>
            <span class="reports-timeline__what">{eventTitle(site, e)}</span>
            {e.kind === 'status' && e.body ? <Written text={e.body} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
