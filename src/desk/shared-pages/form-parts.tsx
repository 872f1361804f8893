/**
 * What every desk's public form does the same way around its fields: its problems looked up per field and listed
 * for the summary, the props each field takes from its name, and the honeypot field that people never see.
 */
import { h, type SafeHtml } from '../../web/html.js';
import type { SiteInfo } from '../../web/pages/layout.js';
import type { ShownProblem } from '../pages/public-fields.js';

/** A form's problems as the page shows them: each field's own (the first), and all of them for the summary. */
export function formProblems<P extends { field: string }>(
  problems: readonly P[],
  idOf: (field: P['field']) => string,
  text: (problem: P) => string,
): { errorOf(field: P['field']): string | undefined; shown: ShownProblem[] } {
  return {
    errorOf(field) {
      const problem = problems.find((p) => p.field === field);
      return problem ? text(problem) : undefined;
    },
    shown: problems.map((p) => ({ id: idOf(p.field), message: text(p) })),
  };
}

/** The props a field takes from its name: its id and name, the value as typed, and its problem. */
export function fieldProps<V extends object>(
  site: SiteInfo,
  values: V,
  errorOf: (field: keyof V & string) => string | undefined,
) {
  return <N extends keyof V & string>(name: N) => ({
    site,
    id: name,
    name,
    value: values[name],
    error: errorOf(name),
  });
}

/**
 * The field people never see (bots fill it in): hidden by the desk's `{prefix}-hp` class and out of the tab
 * order, shown like any field with its problem when it came back filled in.
 */
export function Honeypot(props: { prefix: string; name: string; label: string; error?: string }): SafeHtml {
  const { name, error } = props;
  return (
    <div class={error ? 'usa-form-group usa-form-group--error' : `${props.prefix}-hp`}>
      <label class="usa-label" for={name}>
        {props.label}
      </label>
      {error ? (
        <span class="usa-error-message" id={`${name}-error`}>
          {error}
        </span>
      ) : null}
      <input
        class="usa-input"
        id={name}
        name={name}
        type="text"
        value=""
        tabindex={error ? undefined : '-1'}
        autocomplete="off"
        aria-describedby={error ? `${name}-error` : undefined}
      />
    </div>
  );
}
