/** The table preview's filter form, the words for filters, and the messages about filters that do not apply. */
import type { Dataset } from '../../catalog/catalog.schema.js';
import { Fragment, h, type SafeHtml } from '../html.js';
import type { SiteInfo } from '../pages/layout.js';
import { FILTER_OPS, operatorsFor, type FilterOp, type TableFilter } from './table-filter.js';
import type { TableProblem } from './table-query.js';
import type { TableState } from './table-state.js';

/** The address of a dataset's page. */
export const datasetPath = (dataset: Dataset) => `/datasets/${encodeURIComponent(dataset.id)}`;

/** Hidden fields that carry the rest of the state through a form. */
export function StateFields(props: { state: TableState; omit: readonly string[] }): SafeHtml {
  const { state, omit } = props;
  return (
    <>
      {!omit.includes('size') ? <input type="hidden" name="size" value={String(state.size)} /> : null}
      {state.sort && !omit.includes('sort') ? <input type="hidden" name="sort" value={state.sort} /> : null}
      {state.sort && state.order === 'desc' && !omit.includes('sort') ? (
        <input type="hidden" name="order" value="desc" />
      ) : null}
      {!omit.includes('filter')
        ? state.filters.map((f) => <input type="hidden" name="filter" value={f} />)
        : null}
    </>
  );
}

export function opLabel(site: SiteInfo, op: FilterOp): string {
  const t = site.t.table;
  switch (op) {
    case 'contains':
      return t.opContains;
    case 'eq':
      return t.opEquals;
    case 'lt':
      return t.opLess;
    case 'gt':
      return t.opGreater;
    case 'between':
      return t.opBetween;
  }
}

/** A filter in words: "Permit type contains roof", "Valuation is between 1000 and 5000". */
export function filterLabel(site: SiteInfo, filter: TableFilter & { column: { name: string } }): string {
  const t = site.t.table;
  if (filter.op === 'between') {
    const [low = '', high = ''] = filter.value.split('..');
    return t.filterBetween(filter.column.name, low.trim(), high.trim());
  }
  return t.filterWords(filter.column.name, opLabel(site, filter.op), filter.value.trim());
}

/** Why a filter, a sort or a page does not apply, in the visitor's language. */
export function problemText(site: SiteInfo, problem: TableProblem): string {
  const t = site.t.table;
  switch (problem.kind) {
    case 'malformed':
      return t.problemMalformed(problem.raw);
    case 'too-many':
      return t.problemTooMany(problem.max);
    case 'unknown-column':
      return t.problemUnknownColumn(problem.field);
    case 'operator':
      return operatorsFor(problem.column.type).length === 0
        ? t.problemNoFilter(problem.column.name)
        : t.problemOperator(
            opLabel(site, problem.op),
            problem.column.name,
            operatorsFor(problem.column.type).map((op) => opLabel(site, op)),
          );
    case 'empty':
      return t.problemEmpty(problem.column.name);
    case 'too-long':
      return t.problemTooLong(problem.column.name, problem.max);
    case 'number':
      return t.problemNumber(problem.column.name, problem.value);
    case 'date':
      return problem.column.type === 'timestamp'
        ? t.problemDateTime(problem.column.name, problem.value)
        : t.problemDate(problem.column.name, problem.value);
    case 'boolean':
      return t.problemBoolean(problem.column.name, problem.value);
    case 'range':
      return t.problemRange(problem.column.name, problem.value);
    case 'sort':
      return t.problemSort(problem.field);
    case 'page':
      return t.problemPage(problem.last);
  }
}

export function ProblemList(props: {
  site: SiteInfo;
  problems: readonly TableProblem[];
  refusal?: string | undefined;
}): SafeHtml {
  const { site, problems, refusal } = props;
  const t = site.t.table;
  if (problems.length === 0 && !refusal) return <></>;
  return (
    <div class="usa-alert usa-alert--warning usa-alert--slim table-problems" role="alert">
      <div class="usa-alert__body">
        <h3 class="usa-alert__heading">{refusal ? t.refusedHeading : t.problemsHeading}</h3>
        <ul class="usa-alert__text">
          {problems.map((problem) => (
            <li>{problemText(site, problem)}</li>
          ))}
          {refusal ? (
            <li>
              {t.refused} <span lang="en">{refusal}</span>
            </li>
          ) : null}
        </ul>
      </div>
    </div>
  );
}

/** The form that adds one filter: a column, an operator that fits its type, a value. */
export function FilterForm(props: { site: SiteInfo; dataset: Dataset; state: TableState }): SafeHtml {
  const { site, dataset, state } = props;
  const t = site.t.table;
  const columns = dataset.columns.filter((c) => operatorsFor(c.type).length > 0);
  if (columns.length === 0) return <></>;
  return (
    <form method="get" action={`${datasetPath(dataset)}#table`} class="table-filter" data-table-form>
      <fieldset class="usa-fieldset">
        <legend class="usa-legend">{t.filterLegend}</legend>
        <StateFields state={state} omit={[]} />
        <div class="table-filter__fields">
          <div class="table-filter__field">
            <label class="usa-label" for="filter-column">
              {t.column}
            </label>
            <select class="usa-select" id="filter-column" name="column">
              {columns.map((c) => (
                <option value={c.field} data-ops={operatorsFor(c.type).join(' ')}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div class="table-filter__field">
            <label class="usa-label" for="filter-op">
              {t.condition}
            </label>
            <select class="usa-select" id="filter-op" name="op">
              {FILTER_OPS.map((op) => (
                <option value={op}>{opLabel(site, op)}</option>
              ))}
            </select>
          </div>
          <div class="table-filter__field">
            <label class="usa-label" for="filter-value">
              {t.value}
            </label>
            <input
              class="usa-input"
              id="filter-value"
              name="value"
              type="text"
              aria-describedby="filter-hint"
            />
          </div>
          <div class="table-filter__field" data-between>
            <label class="usa-label" for="filter-value2">
              {t.value2}
            </label>
            <input
              class="usa-input"
              id="filter-value2"
              name="value2"
              type="text"
              aria-describedby="filter-hint"
            />
          </div>
          <div class="table-filter__submit">
            <button type="submit" class="usa-button">
              {t.applyFilter}
            </button>
          </div>
        </div>
        <p class="usa-hint" id="filter-hint">
          {t.filterHint}
        </p>
      </fieldset>
    </form>
  );
}
