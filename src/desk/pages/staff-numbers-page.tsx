/** GET /staff/records/numbers: how the desk is doing, overall and by department, with the log's CSV export. */
import type { Formatter } from '../../web/format.js';
import { h, type SafeHtml } from '../../web/html.js';
import { StaffFrame, type StaffInfo } from '../../web/staff/pages/frame.js';
import type { DeskNumbers } from '../records/records.types.js';

const percent = (rate: number | null) => (rate === null ? 'None closed yet' : `${Math.round(rate * 100)}%`);

export function NumbersPage(props: {
  staff: StaffInfo;
  numbers: DeskNumbers;
  seesAll: boolean;
  format: Formatter;
}): SafeHtml {
  const n = props.numbers;
  const f = props.format;
  return (
    <StaffFrame staff={props.staff} title="Records desk numbers">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/staff">Staff console</a> › <a href="/staff/records">Records requests</a> › Numbers
      </nav>
      <h1>Records desk numbers</h1>
      <p>
        {props.seesAll ? 'Every request the city has received.' : 'The requests of your departments.'} A
        request is on time when it was answered by its due date (the extended one, after an extension). The
        public sees the same numbers at <a href="/records/numbers">the public numbers page</a>.
      </p>
      <dl
        class="metadata"
        style="display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:1rem"
      >
        <div class="kv">
          <dt>On time</dt>
          <dd>{percent(n.onTimeRate)}</dd>
        </div>
        <div class="kv">
          <dt>Median days to close</dt>
          <dd>{n.medianDaysToClose === null ? 'None closed yet' : f.number(n.medianDaysToClose)}</dd>
        </div>
        <div class="kv">
          <dt>Open</dt>
          <dd>{f.number(n.open)}</dd>
        </div>
        <div class="kv">
          <dt>Overdue</dt>
          <dd>{f.number(n.overdue)}</dd>
        </div>
      </dl>
      <h2 id="by-department">By department</h2>
      {n.byDepartment.length === 0 ? (
        <p>No request has been routed to a department yet.</p>
      ) : (
        <div class="table-scroll">
          <table aria-labelledby="by-department">
            <thead>
              <tr>
                <th scope="col">Department</th>
                <th scope="col">Open</th>
                <th scope="col">Overdue</th>
                <th scope="col">Closed</th>
                <th scope="col">On time</th>
              </tr>
            </thead>
            <tbody>
              {n.byDepartment.map((d) => (
                <tr>
                  <th scope="row">
                    <a href={`/staff/records?department=${encodeURIComponent(d.id)}`}>{d.name}</a>
                  </th>
                  <td>{f.number(d.open)}</td>
                  <td>{f.number(d.overdue)}</td>
                  <td>{f.number(d.closed)}</td>
                  <td>{percent(d.onTimeRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Export</h2>
      <p>
        <a href="/api/v1/records-log.csv" download>
          Download the public log as CSV
        </a>{' '}
        (published requests only; the requester's identity is never in it).
      </p>
    </StaffFrame>
  );
}
