/**
 * The words of the desk's notices: the acknowledgement, the extension notice, messages, closings, the written
 * denial, reconsiderations and reminders. Pure text, tested on its own, so that mail and pages cannot drift.
 */
import type { UnusualCircumstance } from '../deadlines/deadlines.js';
import type { CloseReason, Person } from './records.types.js';

export interface Mail {
  subject: string;
  body: string;
}

/** The statute's unusual circumstances (Gov. Code 7922.535(c)), as a notice states them. */
export const CIRCUMSTANCE_TEXT: Record<UnusualCircumstance, string> = {
  other_facilities:
    'the need to search for and collect the requested records from field facilities or other establishments ' +
    'that are separate from the office processing the request',
  voluminous:
    'the need to search for, collect, and appropriately examine a voluminous amount of separate and distinct ' +
    'records that are demanded in a single request',
  consultation:
    'the need for consultation, which shall be conducted with all practicable speed, with another agency ' +
    'having substantial interest in the determination of the request or among two or more components of the ' +
    'agency having substantial subject matter interest in it',
  compilation:
    'the need to compile data, to write programming language or a computer program, or to construct a ' +
    'computer report to extract data',
  emergency:
    'the need to search for, collect, and appropriately examine records during a state of emergency, when the ' +
    "emergency currently affects the City's ability to respond in time",
};

export const CLOSE_REASON_TEXT: Record<CloseReason, string> = {
  fulfilled: 'fulfilled: the records have been provided',
  partially_fulfilled: 'partially fulfilled: some records are provided and some are withheld',
  no_responsive_records: 'closed: the City holds no records that answer the request',
  denied: 'denied',
  withdrawn: 'withdrawn by the requester',
  referred: 'referred to another agency that holds the records',
};

/** "Monday, March 16, 2026" for a local date YYYY-MM-DD. */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

const paragraphs = (...parts: (string | string[] | false | undefined | null)[]) =>
  parts
    .flat()
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join('\n\n');

export interface Clerk {
  name: string;
  title: string;
  email: string;
}

export interface NoticeContext {
  cityName: string;
  clerk: Clerk;
  /**
   * The requester's private page: known only when the request is filed (the link's token is stored as a digest),
   * so later notices point to the acknowledgement instead.
   */
  followUrl?: string;
}

const signature = (ctx: NoticeContext) => `${ctx.clerk.name}, City of ${ctx.cityName}\n${ctx.clerk.email}`;
const keepLink = (ctx: NoticeContext) =>
  ctx.followUrl
    ? `Follow your request, read messages and get released records on its private page (keep this link to ` +
      `yourself): ${ctx.followUrl}`
    : 'Follow your request, read messages and get released records on its private page: the link is in the ' +
      `email that acknowledged your request. Lost it? Write to ${ctx.clerk.email} with the request number.`;

/** To the requester: the request is filed, with its number, due date and private link. */
export function acknowledgementMail(
  ctx: NoticeContext,
  request: { number: string; description: string; dueDate: string },
): Mail {
  return {
    subject: `Public records request ${request.number} received`,
    body: paragraphs(
      `We received your public records request ${request.number}:`,
      `"${request.description}"`,
      `Under the California Public Records Act (Gov. Code 7922.535), the City will tell you by ` +
        `${longDate(request.dueDate)} (11:59 pm) whether it holds records it can disclose, and when they will ` +
        'be available. In unusual circumstances the City may extend this once, by at most 14 days, with a ' +
        'written notice.',
      keepLink(ctx),
      signature(ctx),
    ),
  };
}

/** To the Clerk's office: a new request waits on the desk. */
export function newRequestMail(
  request: { number: string; description: string; dueDate: string },
  staffUrl: string,
): Mail {
  return {
    subject: `New public records request ${request.number}`,
    body: paragraphs(
      `Public records request ${request.number} was filed. It is due on ${longDate(request.dueDate)}.`,
      `"${request.description}"`,
      `Route it to departments and people: ${staffUrl}`,
    ),
  };
}

/** The written extension notice (7922.535(b)): the reason from the statute's list, the new date, the notice. */
export function extensionMail(
  ctx: NoticeContext,
  request: { number: string },
  extension: { reason: UnusualCircumstance; days: number; dueDate: string; notice: string; by: string },
): Mail {
  return {
    subject: `Public records request ${request.number}: the City needs more time, until ${longDate(extension.dueDate)}`,
    body: paragraphs(extensionText(extension), keepLink(ctx), signature(ctx)),
  };
}

/** The extension notice as the public message on the request says it. */
export function extensionText(extension: {
  reason: UnusualCircumstance;
  days: number;
  dueDate: string;
  notice: string;
  by: string;
}): string {
  return paragraphs(
    `Notice of extension (Gov. Code 7922.535(b)). The time to answer this request is extended by ` +
      `${extension.days} day${extension.days === 1 ? '' : 's'}, to ${longDate(extension.dueDate)} (11:59 pm), ` +
      `because of ${CIRCUMSTANCE_TEXT[extension.reason]}.`,
    extension.notice,
    `- ${extension.by}`,
  );
}

/** To the requester: a public message on their request. */
export function messageMail(
  ctx: NoticeContext,
  request: { number: string },
  message: { author: string; body: string },
): Mail {
  return {
    subject: `Public records request ${request.number}: a message from the City`,
    body: paragraphs(`${message.author} wrote:`, message.body, keepLink(ctx), signature(ctx)),
  };
}

/** To the requester: records were released to them. */
export function releaseMail(
  ctx: NoticeContext,
  request: { number: string },
  document: { title: string },
): Mail {
  return {
    subject: `Public records request ${request.number}: records released`,
    body: paragraphs(
      `The City released records for your request ${request.number}: "${document.title}".`,
      keepLink(ctx),
      signature(ctx),
    ),
  };
}

/** What a denial tells the requester beyond its reasons: the reconsideration and the court. */
export function recourseText(
  ctx: Pick<NoticeContext, 'clerk'>,
  reconsideration: { days: number; until: string },
): string[] {
  return [
    `Reconsideration: you may ask the ${ctx.clerk.title} (${ctx.clerk.name}, ${ctx.clerk.email}) to reconsider ` +
      `this decision within ${reconsideration.days} days, until ${longDate(reconsideration.until)}, on your ` +
      "request's page or in writing.",
    'Your legal remedy: the California Public Records Act has no administrative appeal. You may file a petition ' +
      'in the superior court to enforce your right to inspect or receive a copy of the records (Gov. Code ' +
      '7923.000 and following). Asking for a reconsideration is optional and does not stop you from going to court.',
  ];
}

/** The written denial (7922.540): the exemptions, each person responsible with their title, recourse. */
export function denialMail(
  ctx: NoticeContext,
  request: { number: string },
  denial: { scope: 'full' | 'partial'; exemptions: string[]; responsible: Person[]; explanation: string },
  reconsideration: { days: number; until: string },
): Mail {
  const what = denial.scope === 'full' ? 'denied' : 'partly denied: some records are withheld';
  return {
    subject: `Public records request ${request.number}: written determination`,
    body: paragraphs(
      `Your public records request ${request.number} is ${what}.`,
      denial.explanation,
      ['Exemptions relied on:', ...denial.exemptions.map((e) => `- ${e}`)].join('\n'),
      [
        'Responsible for this decision (Gov. Code 7922.540):',
        ...denial.responsible.map((p) => `- ${p.name}, ${p.title}`),
      ].join('\n'),
      recourseText(ctx, reconsideration),
      keepLink(ctx),
      signature(ctx),
    ),
  };
}

/** To the requester: the request is closed (for reasons other than a denial). */
export function closedMail(
  ctx: NoticeContext,
  request: { number: string },
  closing: { reason: CloseReason; note: string | null; referredTo: string | null },
): Mail {
  return {
    subject: `Public records request ${request.number}: ${closing.reason.replace(/_/g, ' ')}`,
    body: paragraphs(
      `Your public records request ${request.number} is ${CLOSE_REASON_TEXT[closing.reason]}.`,
      closing.referredTo && `The records are held by: ${closing.referredTo}.`,
      closing.note,
      keepLink(ctx),
      signature(ctx),
    ),
  };
}

/** To the Clerk's office: a requester asks for a reconsideration. */
export function reconsiderationAskedMail(
  request: { number: string },
  ask: { subject: 'denial' | 'fee'; reason: string },
  staffUrl: string,
): Mail {
  return {
    subject: `Reconsideration asked: public records request ${request.number}`,
    body: paragraphs(
      `The requester of ${request.number} asks the City Clerk to reconsider the ${ask.subject}:`,
      ask.reason,
      `Decide it: ${staffUrl}`,
    ),
  };
}

const DECISION_TEXT = {
  upheld: 'upheld: the decision stands',
  reversed: 'reversed',
  modified: 'modified',
} as const;

/** To the requester: the Clerk decided their reconsideration. */
export function reconsiderationDecisionMail(
  ctx: NoticeContext,
  request: { number: string },
  decision: { subject: 'denial' | 'fee'; decision: keyof typeof DECISION_TEXT; note: string; by: Person },
): Mail {
  return {
    subject: `Public records request ${request.number}: reconsideration ${decision.decision}`,
    body: paragraphs(
      `Your request for reconsideration of the ${decision.subject} on ${request.number} was ${DECISION_TEXT[decision.decision]}.`,
      decision.note,
      `Decided by ${decision.by.name}, ${decision.by.title}.`,
      decision.subject === 'denial' &&
        'The Act has no administrative appeal: you may file a petition in the superior court (Gov. Code ' +
          '7923.000 and following).',
      keepLink(ctx),
      signature(ctx),
    ),
  };
}

/** To a member of staff: they were assigned a request. */
export function assignedMail(request: { number: string; dueDate: string }, staffUrl: string): Mail {
  return {
    subject: `Public records request ${request.number} assigned to you`,
    body: paragraphs(
      `You were assigned public records request ${request.number}, due on ${longDate(request.dueDate)}.`,
      staffUrl,
    ),
  };
}

/** To the assignees: a request is due soon or overdue. */
export function reminderMail(
  request: { number: string; dueDate: string; state: 'due_soon' | 'overdue' },
  staffUrl: string,
): Mail {
  const when =
    request.state === 'overdue'
      ? `was due on ${longDate(request.dueDate)} and is overdue`
      : `is due on ${longDate(request.dueDate)}`;
  return {
    subject: `${request.state === 'overdue' ? 'Overdue' : 'Due soon'}: public records request ${request.number}`,
    body: paragraphs(
      `Public records request ${request.number} ${when}. The legal clock runs whether or not reminders are paused.`,
      staffUrl,
    ),
  };
}
