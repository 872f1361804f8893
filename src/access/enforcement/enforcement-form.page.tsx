/** The form of one decision about a key or an account: suspend, revoke or reinstate, with its reason. */
import { Fragment, h, type SafeHtml } from '../../web/html.js';
import type { Formatter } from '../../web/format.js';
import { StaffFrame, type StaffInfo } from '../../web/staff/pages/frame.js';
import { CATEGORIES, CATEGORY_LABELS } from './enforcement-notice.js';
import { ACTION_LABELS, type Action } from './enforcement.pages.js';
import type { Developer, EnforcedKey } from './enforcement.service.js';

export interface FormValues {
  category?: string;
  reason?: string;
  until?: string;
}

const INTRO: Record<'key' | 'account', Record<Action, string>> = {
  key: {
    suspend:
      'Requests with the key are refused from the next one on, on every server, and live feeds opened with it close. The holder gets a notice with your reason and how to ask for a review.',
    revoke:
      'Revocation is final: the key stops working at once and cannot be reinstated (the developer can create a new one). The holder gets a notice with your reason.',
    reinstate: 'The key works again from the next request. The holder gets a notice.',
  },
  account: {
    suspend:
      'The account is signed out everywhere and cannot sign in; requests with any of its keys are refused and its live feeds close. The holder gets a notice with your reason and how to ask for a review.',
    revoke:
      'Closing is final: the account can no longer sign in and all its keys are revoked. The holder gets a notice with your reason.',
    reinstate: 'The account can sign in again and its keys work as before. The holder gets a notice.',
  },
};

/** The form of one decision about a key or an account. */
export function EnforcementFormPage(props: {
  staff: StaffInfo;
  action: Action;
  target: { type: 'key'; key: EnforcedKey } | { type: 'account' };
  developer: Developer;
  values: FormValues;
  error?: { field?: string; message: string };
  format: Formatter;
}): SafeHtml {
  const { action, developer: d, values, error } = props;
  const type = props.target.type;
  const base = `/staff/developers/${encodeURIComponent(d.id)}`;
  const postUrl =
    props.target.type === 'key'
      ? `${base}/keys/${encodeURIComponent(props.target.key.id)}/${action}`
      : `${base}/${action}`;
  const what =
    props.target.type === 'key'
      ? `the API key "${props.target.key.name}" of ${d.email}`
      : `the account ${d.email}`;
  const title = `${ACTION_LABELS[type][action].replace(/ the account$/, '')} ${what}`;
  const fieldError = (field: string) =>
    error?.field === field ? (
      <span class="error-message" id={`${field}-error`}>
        {error.message}
      </span>
    ) : null;
  const describedBy = (field: string) =>
    [`${field}-hint`, error?.field === field ? `${field}-error` : ''].filter(Boolean).join(' ');
  return (
    <StaffFrame staff={props.staff} title={title}>
      <p>
        <a href={base}>Back to {d.email}</a>
      </p>
      <h1>{title}</h1>
      <p>{INTRO[type][action]}</p>
      {error && !error.field ? (
        <div class="alert alert-error" role="alert">
          {error.message}
        </div>
      ) : null}
      <form method="post" action={postUrl} class="form">
        <input type="hidden" name="_csrf" value={props.staff.csrf} />
        {action === 'reinstate' ? (
          <div class={`field${error?.field === 'reason' ? ' field-error' : ''}`}>
            <label for="reason">Note to the holder (optional)</label>
            <span class="hint" id="reason-hint">
              Recorded in the audit log and quoted in the notice.
            </span>
            {fieldError('reason')}
            <textarea id="reason" name="reason" maxlength="2000" aria-describedby={describedBy('reason')}>
              {values.reason ?? ''}
            </textarea>
          </div>
        ) : (
          <>
            <div class={`field${error?.field === 'category' ? ' field-error' : ''}`}>
              <label for="category">Reason</label>
              <span class="hint" id="category-hint">
                What kind of problem this is.
              </span>
              {fieldError('category')}
              <select id="category" name="category" required aria-describedby={describedBy('category')}>
                <option value="" selected={!values.category}>
                  Choose one
                </option>
                {CATEGORIES.map((c) => (
                  <option value={c} selected={values.category === c}>
                    {CATEGORY_LABELS[c]}
                  </option>
                ))}
              </select>
            </div>
            <div class={`field${error?.field === 'reason' ? ' field-error' : ''}`}>
              <label for="reason">What happened</label>
              <span class="hint" id="reason-hint">
                The holder reads this in the notice; it is kept in the audit log.
              </span>
              {fieldError('reason')}
              <textarea
                id="reason"
                name="reason"
                required
                maxlength="2000"
                aria-describedby={describedBy('reason')}
                aria-invalid={error?.field === 'reason' ? 'true' : undefined}
              >
                {values.reason ?? ''}
              </textarea>
            </div>
            {action === 'suspend' ? (
              <div class={`field${error?.field === 'until' ? ' field-error' : ''}`}>
                <label for="until">Suspended until (optional)</label>
                <span class="hint" id="until-hint">
                  The suspension ends as this day starts, in the city’s time zone. Leave empty to suspend
                  until further notice.
                </span>
                {fieldError('until')}
                <input
                  type="date"
                  id="until"
                  name="until"
                  value={values.until ?? ''}
                  aria-describedby={describedBy('until')}
                  aria-invalid={error?.field === 'until' ? 'true' : undefined}
                />
              </div>
            ) : null}
          </>
        )}
        <button type="submit" class={action === 'reinstate' ? undefined : 'button-danger'}>
          {ACTION_LABELS[type][action]}
        </button>{' '}
        <a href={base}>Cancel</a>
      </form>
    </StaffFrame>
  );
}
