/**
 * Pieces the desk's public pages share: a request's status as a tag, its due date in words, its public messages
 * and the documents released to whoever is looking.
 */
import { h, raw, type SafeHtml } from '../../web/html.js';
import type { SiteInfo } from '../../web/pages/layout.js';
import type { Message, ReleasedDocument, RequestSummary } from '../records/records.types.js';
import { LANGUAGES } from '../../web/i18n/lang.js';
import { cityDate, cityToday, daysBetween, longDate } from './public-dates.js';

/** The status as people say it: open, extended, or closed with its reason. */
export function statusText(site: SiteInfo, request: Pick<RequestSummary, 'status' | 'closeReason'>): string {
  const t = site.t.records;
  return request.status === 'closed' && request.closeReason
    ? t.closedAs(request.closeReason)
    : t.statusLabel(request.status);
}

export function StatusTag(props: {
  site: SiteInfo;
  request: Pick<RequestSummary, 'status' | 'closeReason'>;
}): SafeHtml {
  const { status } = props.request;
  return (
    <span class={`usa-tag records-tag records-tag--${status}`}>
      <span class="usa-sr-only">{props.site.t.records.statusHeading}: </span>
      {statusText(props.site, props.request)}
    </span>
  );
}

/** Where the clock stands, for someone waiting: "due Monday, March 16, 2026: in 3 days", "overdue", "met". */
export function DueLine(props: {
  site: SiteInfo;
  request: Pick<RequestSummary, 'status' | 'dueDate' | 'deadline' | 'closedAt'>;
  now?: Date;
}): SafeHtml {
  const { site, request } = props;
  const t = site.t.records;
  const due = longDate(request.dueDate, site.lang);
  if (request.status === 'closed') {
    const closed = request.closedAt ? longDate(cityDate(request.closedAt, site.timeZone), site.lang) : '';
    return (
      <span class="records-due">
        {t.closedOn(closed)} {request.deadline === 'overdue' ? t.answeredLate(due) : t.answeredInTime(due)}
      </span>
    );
  }
  const left = daysBetween(cityToday(site.timeZone, props.now), request.dueDate);
  return (
    <span class={`records-due records-due--${request.deadline}`}>
      {t.dueOn(due)} <strong>{t.daysLeft(left)}</strong>
    </span>
  );
}

/** A person's text as written, line breaks kept (escaped like every text). */
export function Written(props: { text: string; class?: string }): SafeHtml {
  return <div class={`records-written ${props.class ?? ''}`.trim()}>{props.text}</div>;
}

export function MessageList(props: { site: SiteInfo; messages: readonly Message[] }): SafeHtml {
  const t = props.site.t.records;
  const messages = props.messages.filter((m) => m.kind === 'public');
  if (messages.length === 0) return <p>{t.noMessages}</p>;
  return (
    <ol class="usa-list usa-list--unstyled records-messages">
      {messages.map((m) => (
        <li class="records-message">
          <p class="records-message__meta">
            <time datetime={m.at}>{props.site.format.dateTime(m.at)}</time>
            {m.author ? ` · ${m.author}` : ''}
          </p>
          <Written text={m.body} />
        </li>
      ))}
    </ol>
  );
}

/**
 * Released documents: a file to download (at the address the desk gives this viewer), a dataset to open, or where
 * to see a record that is not online. Only the visibilities given are shown.
 */
export function DocumentList(props: {
  site: SiteInfo;
  documents: readonly ReleasedDocument[];
  visible: readonly ReleasedDocument['visibility'][];
  /** Datasets that may be linked (those the public can see); others are named without a link. */
  datasetLinked?: (id: string) => boolean;
}): SafeHtml {
  const { site } = props;
  const t = site.t.records;
  const documents = props.documents.filter((d) => props.visible.includes(d.visibility));
  if (documents.length === 0) return <p>{t.noDocuments}</p>;
  return (
    <ul class="usa-list usa-list--unstyled records-documents">
      {documents.map((doc) => {
        const href = doc.kind === 'upload' ? doc.url : undefined;
        const dataset =
          doc.kind === 'dataset' && doc.datasetId && (props.datasetLinked?.(doc.datasetId) ?? true)
            ? `/datasets/${encodeURIComponent(doc.datasetId)}`
            : undefined;
        return (
          <li class="records-document">
            <p class="records-document__title">
              {href ? (
                <a href={href} download={doc.fileName ?? ''}>
                  {doc.title}
                </a>
              ) : dataset ? (
                <a href={dataset}>{doc.title}</a>
              ) : (
                <strong>{doc.title}</strong>
              )}{' '}
              <span class="records-document__kind">({t.documentKind(doc.kind)})</span>
            </p>
            <p class="records-document__meta">
              {t.releasedOn(site.format.date(doc.releasedAt))}
              {doc.visibility === 'requester' ? ` · ${t.onlyForYou}` : ''}
              {doc.fileName && doc.kind === 'upload' ? ` · ${doc.fileName}` : ''}
              {doc.size !== undefined ? ` · ${site.format.bytes(doc.size)}` : ''}
            </p>
            {doc.description ? <Written text={doc.description} /> : raw('')}
            {doc.redactionNote ? (
              <p class="records-document__redaction">
                <strong>{t.redactionNote}:</strong> {doc.redactionNote}
              </p>
            ) : (
              raw('')
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The departments working on a request, by name; "the City Clerk will route it" when none is set yet. */
export function departmentNames(site: SiteInfo, request: Pick<RequestSummary, 'departments'>): string {
  return request.departments.length > 0
    ? request.departments.map((d) => d.name).join(', ')
    : site.t.records.notRoutedYet;
}

/** US cents as dollars in the page's language ("$12.50", "12,50 US$"). */
export function money(site: SiteInfo, cents: number): string {
  return new Intl.NumberFormat(LANGUAGES[site.lang].locale, { style: 'currency', currency: 'USD' }).format(
    cents / 100,
  );
}
