/**
 * The notice a key's or account's holder gets when it is suspended, revoked or reinstated: what happened, why,
 * until when, what it means for their requests, and how to ask for a review. Plain text; pure.
 */

export const CATEGORIES = ['licence_breach', 'abuse', 'security', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  licence_breach: 'Breach of the licence or attribution terms',
  abuse: 'Abuse of the service',
  security: 'Security',
  other: 'Other',
};

export type EnforcementKind = 'suspend' | 'revoke' | 'reinstate';

export type NoticeTarget = { type: 'key'; name: string; prefix: string } | { type: 'account'; email: string };

export interface NoticeInput {
  kind: EnforcementKind;
  target: NoticeTarget;
  /** The holder's name, or '' when unknown. */
  holderName: string;
  category?: Category;
  reason?: string;
  /** End of a suspension (ISO 8601), null for one until further notice. */
  until?: string | null;
  /** The audit log entry that recorded the decision: the reference a review quotes. */
  reference: number;
  cityName: string;
  publicUrl: string;
  /** An instant, for people in the city's time zone. */
  formatTime: (iso: string) => string;
}

const keyWords = (t: { name: string; prefix: string }) =>
  `your API key "${t.name}" (plaza_key_${t.prefix}_…)`;

function subjectOf(input: NoticeInput): string {
  const what = input.target.type === 'key' ? `Your API key "${input.target.name}"` : 'Your developer account';
  switch (input.kind) {
    case 'suspend':
      return `${what} is suspended`;
    case 'revoke':
      return input.target.type === 'key' ? `${what} was revoked` : `${what} was closed`;
    case 'reinstate':
      return `${what} works again`;
  }
}

function opening(input: NoticeInput): string {
  const portal = `the ${input.cityName} open data portal`;
  const target = input.target;
  const what = target.type === 'key' ? keyWords(target) : `your developer account (${target.email})`;
  switch (input.kind) {
    case 'suspend':
      return `We have suspended ${what} on ${portal}, ${
        input.until ? `until ${input.formatTime(input.until)}` : 'until further notice'
      }.`;
    case 'revoke':
      return target.type === 'key'
        ? `We have revoked ${what} on ${portal}.`
        : `We have closed ${what} on ${portal}.`;
    case 'reinstate':
      return `We have lifted the suspension of ${what} on ${portal}.`;
  }
}

function effect(input: NoticeInput): string {
  const key = input.target.type === 'key';
  switch (input.kind) {
    case 'suspend':
      return key
        ? 'While it is suspended, requests made with this key are refused (HTTP 403, code auth.key_suspended) ' +
            'and live feeds opened with it are closed. Your account and your other keys are not affected.' +
            (input.until ? ' When the suspension ends, the key works again by itself.' : '')
        : 'While it is suspended you cannot sign in, and requests made with any of your API keys are refused ' +
            '(HTTP 403, code auth.account_suspended); live feeds opened with them are closed.' +
            (input.until ? ' When the suspension ends, your account and keys work again by themselves.' : '');
    case 'revoke':
      return key
        ? 'The key no longer works and cannot be reinstated; requests made with it are refused (HTTP 401, ' +
            'code auth.key_revoked). Your account and your other keys are not affected.'
        : 'You can no longer sign in, and every API key of the account was revoked.';
    case 'reinstate':
      return key
        ? 'Requests made with this key are served again, within the limits of your account.'
        : 'You can sign in again, and your API keys work as before (a key that was suspended or revoked on its ' +
            'own stays so).';
  }
}

/** The subject and body of a notice. */
export function enforcementNotice(input: NoticeInput): { subject: string; body: string } {
  const greeting = input.holderName.trim() ? `Hello ${input.holderName.trim()},` : 'Hello,';
  const why =
    input.kind === 'reinstate'
      ? input.reason?.trim()
        ? [`Note: ${input.reason.trim()}`]
        : []
      : [`Why: ${input.category ? CATEGORY_LABELS[input.category] : 'Other'}.`, input.reason?.trim() ?? ''];
  const review =
    input.kind === 'reinstate'
      ? []
      : [
          'To ask for a review, reply to this message. Replies reach the city’s IT team, who review the ' +
            'decision together with the department whose data is concerned. Say what happened and what you have ' +
            `changed, and quote reference ${input.reference}.`,
        ];
  const paragraphs = [
    greeting,
    opening(input),
    ...why.filter(Boolean),
    effect(input),
    ...review,
    `Your account: ${input.publicUrl.replace(/\/$/, '')}/account`,
    `${input.cityName} Open Data`,
  ];
  return { subject: subjectOf(input), body: `${paragraphs.join('\n\n')}\n` };
}
