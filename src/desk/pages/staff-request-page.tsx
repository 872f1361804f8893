/**
 * GET /staff/records/{id}: everything about one request, each part with the form that acts on it. Forms post
 * back to this page (303 with a notice after success; the page again, with the problems next to the fields and
 * what was typed, after a refusal).
 */
import type { Formatter } from '../../web/format.js';
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import { StaffFrame, type Notice, type StaffInfo } from '../../web/staff/pages/frame.js';
import type { RequestDetail } from '../records/records.types.js';
import { CloseSection, DenialFacts, ReconsiderationsSection } from './staff-close-forms.js';
import { DeadlineBadge, ProblemSummary, Section } from './staff-fields.js';
import type { FormState } from './staff-forms.js';
import { FeesSection } from './staff-fees-form.js';
import { AssignSection, DeadlineSection, MessagesSection } from './staff-request-forms.js';
import { DatasetsSection, DocumentsSection, PublicationSection } from './staff-release-forms.js';
import { isPaused, type StaffViewer } from './staff-viewer.js';
import { CLOSE_SHORT, FORMAT_LABELS, STATUS_LABELS } from './staff-words.js';

export interface DetailProps {
  staff: StaffInfo;
  request: RequestDetail;
  viewer: StaffViewer;
  /** Departments a request may be routed to. */
  departments: readonly { id: string; name: string }[];
  /** Staff who may be assigned. */
  people: readonly { id: string; name: string; email: string }[];
  /** Whether this viewer works on the request (the Clerk, admins, its departments' staff); others only read it. */
  works: boolean;
  /** Whether this viewer may publish datasets (stewards, admins): the "request to dataset" link. */
  publishesDatasets: boolean;
  /** The city's Clerk, named in the hints of the denial part. */
  clerk?: { name: string; title: string } | undefined;
  format: Formatter;
  state?: FormState | undefined;
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

function Summary(props: DetailProps): SafeHtml {
  const r = props.request;
  const f = props.format;
  const who = r.requester;
  return (
    <section aria-labelledby="summary-heading" class="metadata">
      <h2 id="summary-heading">Summary</h2>
      <dl style="display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:0 1.5rem">
        <Fact term="Status">
          {STATUS_LABELS[r.status]}
          {r.closeReason ? `: ${CLOSE_SHORT[r.closeReason]}` : ''}
          {r.closedAt ? ` on ${f.dateTime(r.closedAt)}` : ''}
        </Fact>
        <Fact term="Received">{f.dateTime(r.receivedAt)}</Fact>
        <Fact term="Due">
          {f.date(r.dueDate)} at 11:59 pm{' '}
          {r.extension && r.initialDueDate ? `(extended from ${f.date(r.initialDueDate)})` : ''}{' '}
          <DeadlineBadge state={r.deadline} paused={isPaused(r)} />
        </Fact>
        <Fact term="Departments">
          {r.departments.length ? r.departments.map((d) => d.name).join(', ') : 'Not yet routed'}
        </Fact>
        <Fact term="Assigned to">
          {r.assignees.length ? r.assignees.map((a) => a.name).join(', ') : 'Nobody yet'}
        </Fact>
        <Fact term="Preferred format">{FORMAT_LABELS[r.preferredFormat] ?? r.preferredFormat}</Fact>
        <Fact term="Public log">
          {r.published
            ? 'Published'
            : r.privateReason
              ? `Kept private: ${r.privateReason}`
              : 'Not published yet'}
        </Fact>
        {props.works ? (
          <Fact term="Requester (staff only)">
            {who && (who.name || who.email || who.phone) ? (
              <>
                {who.name ? <>{who.name}</> : 'No name given'}
                {who.email ? (
                  <>
                    <br />
                    <a href={`mailto:${who.email}`}>{who.email}</a>
                  </>
                ) : null}
                {who.phone ? (
                  <>
                    <br />
                    {who.phone}
                  </>
                ) : null}
              </>
            ) : (
              'Anonymous: only the private link reaches them'
            )}
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}

function RequestText(props: { request: RequestDetail; bytes: (n: number) => string }): SafeHtml {
  const bytes = props.bytes;
  const attachments = props.request.attachments ?? [];
  return (
    <Section id="request" title="What was asked for">
      <p style="white-space:pre-wrap">{props.request.description}</p>
      {attachments.length ? (
        <>
          <h3>Attachments from the requester</h3>
          <ul>
            {attachments.map((a) => (
              <li>
                {a.url ? <a href={a.url}>{a.fileName}</a> : a.fileName} ({a.mediaType}, {bytes(a.size)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

const SECTIONS: readonly [string, string][] = [
  ['assignment', 'Assignment'],
  ['deadline', 'Deadline'],
  ['messages', 'Messages and notes'],
  ['fees', 'Fees'],
  ['documents', 'Released documents'],
  ['datasets', 'Datasets'],
  ['publication', 'Public log'],
  ['closing', 'Closing'],
  ['reconsiderations', 'Reconsiderations'],
];

export function RequestPage(props: DetailProps): SafeHtml {
  const r = props.request;
  return (
    <StaffFrame staff={props.staff} title={`Request ${r.number}`} notice={props.notice}>
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/staff">Staff console</a> › <a href="/staff/records">Records requests</a> › {r.number}
      </nav>
      <h1>Request {r.number}</h1>
      <ProblemSummary state={props.state} />
      {props.works ? null : (
        <div class="alert alert-warn">
          <p style="margin:0">
            This request belongs to another department: you see it as the public log shows it, and cannot work
            on it.
          </p>
        </div>
      )}
      <nav aria-label="On this page">
        <ul style="list-style:none;display:flex;flex-wrap:wrap;gap:0.25rem 1rem;padding:0">
          {SECTIONS.filter(([id]) => id !== 'reconsiderations' || r.reconsiderations.length > 0).map(
            ([id, label]) => (
              <li>
                <a href={`#${id}`}>{label}</a>
              </li>
            ),
          )}
        </ul>
      </nav>
      <Summary {...props} />
      <RequestText request={r} bytes={props.format.bytes} />
      <AssignSection {...props} />
      <DeadlineSection {...props} />
      <MessagesSection {...props} />
      <FeesSection {...props} />
      <DocumentsSection {...props} />
      <DatasetsSection {...props} />
      <PublicationSection {...props} />
      {r.denial ? <DenialFacts denial={r.denial} format={props.format} /> : null}
      <CloseSection {...props} />
      <ReconsiderationsSection {...props} />
    </StaffFrame>
  );
}
