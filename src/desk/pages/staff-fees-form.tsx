/** The detail page's fees: the lines as they stand, and the form that replaces them. */
import { h, type SafeHtml } from '../../web/html.js';
import { SelectField, TextField } from '../../web/staff/pages/fields.js';
import { ActionForm, errorOf, Section, valueOf } from './staff-fields.js';
import { BLANK_FEE_ROWS, dollars, type FormState } from './staff-forms.js';
import { actionOf, acts, stateFor } from './staff-request-forms.js';
import type { DetailProps } from './staff-request-page.js';
import { FEE_LABELS, PAYMENT_LABELS, PROGRAMMING_LABELS } from './staff-words.js';

function FeeRow(props: {
  n: number;
  state: FormState | undefined;
  line?: { kind: string; description: string; amountCents: number };
}): SafeHtml {
  const { n, state, line } = props;
  const key = (part: string) => `fees-${n}-${part}`;
  return (
    <fieldset class="field" style="border:1px solid var(--line);padding:0.5rem 0.75rem">
      <legend>{line ? `Line ${n + 1}` : `New line`}</legend>
      <SelectField
        name={key('kind')}
        label="Charged for"
        required
        value={valueOf(state, key('kind'), line?.kind ?? 'duplication')}
        error={errorOf(state, key('kind'))}
        options={Object.entries(FEE_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <TextField
        name={key('description')}
        label="Description"
        required
        value={valueOf(state, key('description'), line?.description ?? '')}
        error={errorOf(state, key('description'))}
      />
      <TextField
        name={key('amount')}
        label="Amount in dollars"
        inputmode="decimal"
        required
        value={valueOf(state, key('amount'), line ? dollars(line.amountCents) : '')}
        error={errorOf(state, key('amount'))}
      />
    </fieldset>
  );
}

export function FeesSection(props: DetailProps): SafeHtml {
  const fees = props.request.fees;
  const state = stateFor(props, 'fees');
  const typedRows = state
    ? Object.keys(state.values)
        .map((k) => /^fees-(\d+)-/.exec(k)?.[1])
        .filter((x): x is string => x !== undefined)
        .reduce((max, x) => Math.max(max, Number(x) + 1), 0)
    : 0;
  const rows = Math.max(typedRows, fees.lines.length + BLANK_FEE_ROWS);
  return (
    <Section
      id="fees"
      title="Fees"
      form={
        !acts(props) ? null : (
          <ActionForm
            id="fees"
            title="Set the fees"
            action={actionOf(props, 'fees')}
            csrf={props.staff.csrf}
            state={state}
            intro="Fees cover only the direct cost of a copy: never the time spent searching or reviewing. Empty a line's description and amount to remove it. Saving replaces every line."
            submit="Save the fees"
          >
            {Array.from({ length: rows }, (_, n) => (
              <FeeRow n={n} state={state} line={fees.lines[n]} />
            ))}
            <SelectField
              name="fees-justification"
              label="Why programming or extraction is charged"
              hint="Only these cases of the law allow charging for programming or extraction. Leave empty when there is no such line."
              placeholder="No programming or extraction line"
              value={valueOf(state, 'fees-justification', props.request.programmingJustification ?? '')}
              error={errorOf(state, 'fees-justification')}
              options={Object.entries(PROGRAMMING_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <SelectField
              name="fees-payment"
              label="Payment"
              required
              value={valueOf(state, 'fees-payment', fees.payment)}
              error={errorOf(state, 'fees-payment')}
              options={Object.entries(PAYMENT_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </ActionForm>
        )
      }
    >
      {fees.lines.length === 0 ? (
        <p>No fees. Payment: {PAYMENT_LABELS[fees.payment]}.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption style="text-align:left">
              Fee estimate: ${dollars(fees.totalCents)} in all. Payment: {PAYMENT_LABELS[fees.payment]}.
            </caption>
            <thead>
              <tr>
                <th scope="col">Charged for</th>
                <th scope="col">Description</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {fees.lines.map((l) => (
                <tr>
                  <td>{FEE_LABELS[l.kind]}</td>
                  <td>{l.description}</td>
                  <td>${dollars(l.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
