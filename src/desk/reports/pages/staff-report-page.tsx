/**
 * GET /staff/reports/{number}: one report for its department's stewards: who filed it (their address and the
 * text as written), the sensor with a link to its chart over the period, the history with internal notes, and
 * the forms that move it on. Other staff read it without the forms.
 */
import type { Formatter } from '../../../web/format.js';
import { Fragment, h, type SafeHtml } from '../../../web/html.js';
import { StaffFrame, type Notice, type StaffInfo } from '../../../web/staff/pages/frame.js';
import type { ReportEvent, StaffReportView } from '../reports.types.js';
import { AssignForm, MessageForm, StatusForms, type StaffFormState } from './staff-report-forms.js';
import { KIND_WORDS, SOURCE_WORDS, STATUS_WORDS } from './staff-words.js';

export interface StaffReportModel {
  staff: StaffInfo;
  report: StaffReportView;
  /** Stewards of the report's department, who may be assigned. */
  people: readonly { id: string; name: string }[];
  format: Formatter;
  state?: StaffFormState | undefined;
  notice?: Notice | undefined;
}

function Fact(props: { term: string; children?: unknown }): SafeHtml {
  return (
    <div class="kv">
      <dt>{props.term}</dt>
      <dd>{props.children as SafeHtml}</dd>
    </div>
  );
}

/** The dataset page's chart of the report's sensor over its period (the chart shows the period that covers it). */
export function chartLink(r: StaffReportView): string | null {
  if (!r.datastream) return null;
  const params = new URLSearchParams({ chart_stream: String(r.datastream.id) });
  const from = r.timeFrom ? Date.parse(r.timeFrom) : null;
  const span = from !== null ? Date.now() - from : null;
  if (span !== null && Number.isFinite(span)) {
    params.set(
      'chart_period',
      span <= 86_400_000 ? '24h' : span <= 7 * 86_400_000 ? '7d' : span <= 30 * 86_400_000 ? '30d' : '1y',
    );
  }
  return `/datasets/${encodeURIComponent(r.dataset.id)}?${params.toString()}#chart`;
}

function Summary(props: StaffReportModel): SafeHtml {
  const r = props.report;
  const f = props.format;
  const chart = chartLink(r);
  const period =
    r.timeFrom || r.timeTo
      ? `${r.timeFrom ? f.dateTime(r.timeFrom) : 'any time'} to ${r.timeTo ? f.dateTime(r.timeTo) : 'now'}`
      : null;
  return (
    <section aria-labelledby="summary-heading" class="metadata">
      <h2 id="summary-heading">Summary</h2>
      <dl style="display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:0 1.5rem">
        <Fact term="Status">
          <span class="badge">{STATUS_WORDS[r.status]}</span>
          {r.closedAt ? ` on ${f.dateTime(r.closedAt)}` : ''}
        </Fact>
        <Fact term="Kind">{KIND_WORDS[r.kind]}</Fact>
        <Fact term="Dataset">
          <a href={`/datasets/${encodeURIComponent(r.dataset.id)}`}>{r.dataset.title}</a>
        </Fact>
        <Fact term="Sensor">
          {r.datastream ? (
            <>
              {r.datastream.name} (datastream {r.datastream.id})
              {chart ? (
                <>
                  <br />
                  <a href={chart}>Its chart on the dataset page</a>
                </>
              ) : null}
            </>
          ) : (
            'None named'
          )}
        </Fact>
        <Fact term="Period">{period ?? 'None given'}</Fact>
        <Fact term="Rows">{r.rowRef ?? 'None given'}</Fact>
        <Fact term="Department">{r.department.name}</Fact>
        <Fact term="Assigned to">{r.assignee ? r.assignee.name : 'Nobody yet'}</Fact>
        <Fact term="Source">{SOURCE_WORDS[r.source]}</Fact>
        <Fact term="Filed">{f.dateTime(r.createdAt)}</Fact>
        <Fact term="Reporter (staff only)">
          {r.email ? (
            <a href={`mailto:${r.email}`}>{r.email}</a>
          ) : (
            'No address: only the private link reaches them'
          )}
        </Fact>
      </dl>
    </section>
  );
}

const EVENT_WORDS = (e: ReportEvent): string => {
  switch (e.kind) {
    case 'filed':
      return 'Filed';
    case 'status':
      return `Status: ${e.from ? `${STATUS_WORDS[e.from]} → ` : ''}${e.to ? STATUS_WORDS[e.to] : ''}`;
    case 'reply':
      return 'Public reply';
    case 'note':
      return 'Internal note';
    case 'assigned':
      return 'Assignment';
  }
};

function HistoryList(props: { events: readonly ReportEvent[]; format: Formatter }): SafeHtml {
  return (
    <ol class="reports-timeline">
      {props.events.map((e) => (
        <li class={`reports-timeline__item reports-timeline__item--${e.kind}`}>
          <time datetime={e.at}>{props.format.dateTime(e.at)}</time>
          <span class="reports-timeline__what">
            {EVENT_WORDS(e)} · {e.author}
          </span>
          {e.body ? <p class="reports-written">{e.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function Section(props: { id: string; title: string; children?: unknown }): SafeHtml {
  return (
    <section aria-labelledby={props.id} style="border-top:1px solid var(--line);margin-top:2rem">
      <h2 id={props.id} tabindex="-1">
        {props.title}
      </h2>
      {props.children as SafeHtml}
    </section>
  );
}

export function StaffReportPage(props: StaffReportModel): SafeHtml {
  const r = props.report;
  const csrf = props.staff.csrf;
  const title = `Report ${r.number}`;
  return (
    <StaffFrame staff={props.staff} title={title} notice={props.notice}>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/staff">Staff console</a> › <a href="/staff/reports">Quality reports</a> › {r.number}
      </nav>
      <h1>{title}</h1>
      {props.state ? (
        <div class="alert alert-error" role="alert">
          <p style="margin:0">
            <a
              href={`#${props.state.form === 'status' ? `status-${props.state.status ?? ''}-title` : `${props.state.form}-title`}`}
            >
              {props.state.message}
            </a>
          </p>
        </div>
      ) : null}
      {r.mayWork ? null : (
        <div class="alert alert-warn">
          <p style="margin:0">
            This report belongs to another department: you can read it but not work on it.
          </p>
        </div>
      )}
      <Summary {...props} />
      <Section id="report-text" title="What the reporter wrote">
        <p class="reports-written">{r.originalDescription}</p>
        {r.description !== r.originalDescription ? (
          <details>
            <summary>As the public sees it (moderated)</summary>
            <p class="reports-written">{r.description}</p>
          </details>
        ) : null}
        {r.closingNote ? (
          <>
            <h3>{r.status === 'wont_fix' ? "Reason it won't be fixed" : 'Resolution note'}</h3>
            <p class="reports-written">{r.closingNote}</p>
          </>
        ) : null}
        <p>
          Public status page: <a href={`/reports/${encodeURIComponent(r.number)}`}>/reports/{r.number}</a>{' '}
          (shown only when the dataset's data is public).
        </p>
      </Section>
      {r.mayWork ? (
        <Section id="work" title="Work on it">
          <div class="reports-staff-grid">
            <StatusForms report={r} csrf={csrf} state={props.state} />
            <div>
              <AssignForm report={r} csrf={csrf} people={props.people} state={props.state} />
              <MessageForm report={r} csrf={csrf} kind="reply" state={props.state} />
              <MessageForm report={r} csrf={csrf} kind="note" state={props.state} />
            </div>
          </div>
        </Section>
      ) : null}
      <Section id="history" title="History">
        <HistoryList events={r.events} format={props.format} />
      </Section>
    </StaffFrame>
  );
}
