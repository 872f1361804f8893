/**
 * The pieces every desk's staff queue shows the same way: the filter fields (a flexible column each, `basis` wide
 * at the least), the table of rows under its heading, and the pager.
 */
import { h, raw, type SafeHtml } from '../../web/html.js';

type Option = { value: string; label: string };

/** A filter's dropdown, named by its id. */
export function FilterSelect(props: {
  basis: string;
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
}): SafeHtml {
  return (
    <div class="field" style={`flex:1 1 ${props.basis};margin:0`}>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A filter's text field, named by its id. */
export function FilterText(props: { basis: string; id: string; label: string; value: string }): SafeHtml {
  return (
    <div class="field" style={`flex:1 1 ${props.basis};margin:0`}>
      <label for={props.id}>{props.label}</label>
      <input type="text" id={props.id} name={props.id} value={props.value} />
    </div>
  );
}

/** The department filter's choices: every department the viewer sees ("all" first). */
export function departmentOptions(
  seesAll: boolean,
  departments: readonly { id: string; name: string }[],
): Option[] {
  return [
    { value: '', label: seesAll ? 'All departments' : 'All my departments' },
    ...departments.map((d) => ({ value: d.id, label: d.name })),
  ];
}

/** The queue's rows in a table labelled by the `queue-heading` heading, or `empty` when there are none. */
export function QueueTable(props: {
  columns: readonly string[];
  rows: readonly SafeHtml[];
  empty: string;
}): SafeHtml {
  if (props.rows.length === 0) return <p>{props.empty}</p>;
  return (
    <div class="table-scroll">
      <table aria-labelledby="queue-heading">
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.rows}</tbody>
      </table>
    </div>
  );
}

/** Links to the previous and next pages of the queue, shown when there is more than one. */
export function QueuePager(props: {
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
}): SafeHtml {
  const { page, pages } = props;
  if (pages <= 1) return raw('');
  return (
    <nav aria-label={props.label} class="pager">
      {page > 1 ? <a href={props.href(page - 1)}>Previous page</a> : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <a href={props.href(page + 1)}>Next page</a> : null}
    </nav>
  );
}
