/** The audit log for admins: a filter form, the entries newest first, CSV export and a check of the chain. */
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import type { Formatter } from '../../web/format.js';
import { StaffFrame, type StaffInfo } from '../../web/staff/pages/frame.js';
import type { AuditEntry, VerifyResult } from './audit.service.js';
import type { AuditFilterInput } from './audit-filter.js';

const FIELDS: { name: keyof AuditFilterInput; label: string; hint: string; type: string }[] = [
  { name: 'action', label: 'Action', hint: 'key.suspend, or key.* for every key action', type: 'text' },
  { name: 'actor', label: 'Actor', hint: 'An email, an account id, "admin token" or "system"', type: 'text' },
  { name: 'target', label: 'Target', hint: 'An id, or type:id such as api_key:…', type: 'text' },
  { name: 'from', label: 'From', hint: 'First day, in the city’s time zone', type: 'date' },
  { name: 'to', label: 'To', hint: 'Last day, included', type: 'date' },
  { name: 'q', label: 'Text', hint: 'Words in the reason, details, actor or target', type: 'search' },
];

/** The filter as a query string (for the CSV link and the next page). */
export function filterQuery(input: AuditFilterInput, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const { name } of FIELDS) {
    const value = input[name]?.trim();
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function target(entry: AuditEntry): string {
  if (!entry.targetId) return entry.targetType;
  return entry.targetType ? `${entry.targetType}:${entry.targetId}` : entry.targetId;
}

function Entries(props: { entries: AuditEntry[]; format: Formatter }): SafeHtml {
  return (
    <div class="table-scroll">
      <table>
        <caption>Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Reason</th>
            <th scope="col">Details</th>
            <th scope="col">Address</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((entry) => (
            <tr>
              <td>{entry.seq}</td>
              <td>
                <time datetime={entry.at}>{props.format.dateTime(entry.at)}</time>
              </td>
              <td>{entry.actor}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>{target(entry)}</td>
              <td>{entry.reason ?? ''}</td>
              <td>{Object.keys(entry.details).length ? <code>{JSON.stringify(entry.details)}</code> : ''}</td>
              <td>{entry.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AuditLogPage(props: {
  staff: StaffInfo;
  input: AuditFilterInput;
  entries: AuditEntry[];
  next: string | null;
  format: Formatter;
  error?: string;
}): SafeHtml {
  const { input } = props;
  return (
    <StaffFrame staff={props.staff} title="Audit log">
      <h1>Audit log</h1>
      <p>
        Every staff action, access decision, key event and enforcement, in an append-only chain: each entry
        holds the hash of the one before it, so an edited or deleted entry shows.{' '}
        <a href="/staff/audit/verify">Check the chain</a>.
      </p>
      <form method="get" action="/staff/audit" class="form" role="search" aria-label="Filter the audit log">
        {props.error ? (
          <div class="alert alert-error" role="alert">
            {props.error}
          </div>
        ) : null}
        {FIELDS.map((field) => (
          <div class="field">
            <label for={`audit-${field.name}`}>{field.label}</label>
            <span class="hint" id={`audit-${field.name}-hint`}>
              {field.hint}
            </span>
            <input
              type={field.type}
              id={`audit-${field.name}`}
              name={field.name}
              value={input[field.name] ?? ''}
              aria-describedby={`audit-${field.name}-hint`}
            />
          </div>
        ))}
        <button type="submit">Filter</button> <a href="/staff/audit">Clear the filter</a>
      </form>
      <p>
        <a href={`/api/v1/admin/audit.csv${filterQuery(input)}`} download="audit-log.csv">
          Download these entries as CSV
        </a>{' '}
        (all of them, oldest first)
      </p>
      {props.entries.length === 0 ? (
        <p>No entries match.</p>
      ) : (
        <Entries entries={props.entries} format={props.format} />
      )}
      {props.next ? (
        <p>
          <a href={`/staff/audit${filterQuery(input, { cursor: props.next })}`}>Older entries</a>
        </p>
      ) : null}
    </StaffFrame>
  );
}

export function AuditVerifyPage(props: { staff: StaffInfo; result: VerifyResult }): SafeHtml {
  const { result } = props;
  return (
    <StaffFrame staff={props.staff} title="Audit log check">
      <p>
        <a href="/staff/audit">Audit log</a>
      </p>
      <h1>Audit log check</h1>
      {result.ok ? (
        <div class="alert alert-ok" role="status">
          The chain is intact: {result.entries} {result.entries === 1 ? 'entry' : 'entries'} checked.
          {result.last ? (
            <>
              {' '}
              The last, {result.last.seq}, has the hash <code>{result.last.hash}</code>: keep it somewhere the
              database’s administrators cannot write, to show a later rewrite of the log.
            </>
          ) : null}
        </div>
      ) : (
        <div class="alert alert-error" role="alert">
          The chain is broken at entry {result.broken?.seq}: {result.broken?.problem}. {result.entries}{' '}
          entries before it are intact. Keep the database as it is and tell IT security.
        </div>
      )}
      <p>
        The same check runs on the command line: <code>plaza audit verify</code>.
      </p>
    </StaffFrame>
  );
}
