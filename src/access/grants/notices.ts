/**
 * The words of access decisions and agreement notices: what the mail says and what the pages repeat. Pure text,
 * so that the mail and the page cannot drift apart and the wording is tested on its own.
 */

/** Who to write to: a department of the city (from the catalog). */
export interface Contact {
  name: string;
  email: string | null;
  phone: string | null;
}

export interface RecourseContext {
  /** The office that decided (the dataset's department, or Information Technology for tiers). */
  office: Contact | undefined;
  /** The City Clerk's office, when the catalog has it. */
  clerk: Contact | undefined;
  /** The public records desk of this portal, when it has one. */
  recordsUrl: string | undefined;
}

/** "Public Works (publicworks@city.example, (714) 555-0100)". */
export function describeContact(contact: Contact): string {
  const ways = [contact.email, contact.phone].filter((x): x is string => Boolean(x));
  return ways.length ? `${contact.name} (${ways.join(', ')})` : contact.name;
}

const officeText = (office: Contact | undefined) =>
  office ? describeContact(office) : 'the office that decided';

const clerkText = (clerk: Contact | undefined) =>
  !clerk
    ? "the City Clerk's office at City Hall"
    : /\bclerk\b/i.test(clerk.name)
      ? `the ${describeContact(clerk)}`
      : `the City Clerk, ${describeContact(clerk)}`;

/**
 * What someone refused access, or given less than they asked for, can do next: ask for a review, ask for the
 * records under the California Public Records Act, or ask for a data-sharing agreement. Three paragraphs.
 */
export function recourse(ctx: RecourseContext): string[] {
  const office = officeText(ctx.office);
  const clerk = clerkText(ctx.clerk);
  const records = ctx.recordsUrl
    ? `File it on the public records desk at ${ctx.recordsUrl}, or with ${clerk}.`
    : `File it with ${clerk}, in writing (a letter or an email) or in person.`;
  return [
    `Ask for a review: reply to ${office} saying why the decision should change, or ask ${clerk} to reconsider it.`,
    'Ask for the records: you may also request them under the California Public Records Act (Government Code ' +
      `section 7920.000 and following). ${records} The City tells you within 10 days whether it holds ` +
      'records it can disclose; a refusal is given in writing with its reasons and the names of those ' +
      'responsible. The Act has no administrative appeal: beyond a reconsideration by the City Clerk, the ' +
      'remedy is a petition to the superior court.',
    `Ask for an agreement: if your organization needs the data for ongoing work, ${office} may be able to ` +
      'offer a data-sharing agreement that sets the terms of its use.',
  ];
}

export interface Mail {
  subject: string;
  body: string;
}

const paragraphs = (...parts: (string | string[] | false | undefined)[]) =>
  parts
    .flat()
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join('\n\n');

export interface RequestFacts {
  id: string;
  /** "the dataset Building permits (bldg-permits)" or "the elevated tier". */
  subject: string;
  requester: { name: string; email: string };
  purpose: string;
  intendedUse: string;
}

/** To the deciders: a new request waits in their queue. */
export function newRequestMail(facts: RequestFacts, queueUrl: string): Mail {
  const who = facts.requester.name
    ? `${facts.requester.name} <${facts.requester.email}>`
    : facts.requester.email;
  return {
    subject: `Access request: ${facts.subject}`,
    body: paragraphs(
      `${who} asks for access to ${facts.subject}.`,
      `Purpose:\n${facts.purpose}`,
      `Intended use:\n${facts.intendedUse}`,
      `Approve or deny it at ${queueUrl}. Denials need a reason, and the requester is told how to ask for a review.`,
    ),
  };
}

export interface DecisionFacts {
  subject: string;
  decision: 'approved' | 'denied';
  reason: string | null;
  /** The last day of a limited approval, for people ("June 30, 2026"). */
  until: string | null;
  /** The tier granted when lower than the one asked for. */
  lowerTier: string | null;
  decidedBy: string;
  requestUrl: string;
}

/** Whether a decision gives less than was asked (and so comes with the ways to ask for more). */
export const isLimited = (facts: Pick<DecisionFacts, 'decision' | 'until' | 'lowerTier'>) =>
  facts.decision === 'denied' || facts.until !== null || facts.lowerTier !== null;

/** To the requester: the decision, and when it gives less than asked, what they can do next. */
export function decisionMail(facts: DecisionFacts, next: RecourseContext): Mail {
  const approved = facts.decision === 'approved';
  const terms = [
    facts.lowerTier ? `You were given the ${facts.lowerTier} tier, not the one you asked for.` : '',
    facts.until ? `Your access lasts until the end of ${facts.until}.` : '',
  ].join(' ');
  return {
    subject: `Access request ${approved ? 'approved' : 'denied'}: ${facts.subject}`,
    body: paragraphs(
      approved
        ? `Your request for access to ${facts.subject} was approved by ${facts.decidedBy}. ${terms}`.trim()
        : `Your request for access to ${facts.subject} was denied by ${facts.decidedBy}.`,
      facts.reason ? `${approved ? 'Note' : 'Reason'}: ${facts.reason}` : '',
      approved ? 'Your API keys and your signed-in session read the data from now on.' : '',
      isLimited(facts) ? ['What you can do next:', ...recourse(next).map((p) => `- ${p}`)] : [],
      `The request: ${facts.requestUrl}`,
    ),
  };
}

export interface AgreementFacts {
  organization: string;
  department: string;
  /** The last day, for people. */
  endDate: string;
  datasets: string[];
  /** The agreement's page, for the department's side (the organization's side has no staff account). */
  url?: string;
}

const covered = (facts: AgreementFacts) =>
  facts.datasets.length ? `It covers: ${facts.datasets.join(', ')}.` : 'It covers no dataset yet.';

/** To both sides, 30 and 7 days ahead: the agreement is about to end. */
export function expiryNoticeMail(facts: AgreementFacts, daysLeft: number): Mail {
  const when = daysLeft <= 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
  return {
    subject: `Data-sharing agreement ends ${when}: ${facts.organization}`,
    body: paragraphs(
      `The data-sharing agreement between ${facts.department} and ${facts.organization} ends ${when}, at the ` +
        `end of ${facts.endDate}. ${covered(facts)}`,
      'When it ends, its members lose access to these datasets. To continue, agree a renewal with ' +
        `${facts.department} before then.`,
      facts.url ? `The agreement: ${facts.url}` : '',
    ),
  };
}

/** To both sides: the agreement started, or ended (by expiry or termination). */
export function agreementChangeMail(
  facts: AgreementFacts,
  change: 'active' | 'expired' | 'terminated',
  reason?: string,
): Mail {
  switch (change) {
    case 'active':
      return {
        subject: `Data-sharing agreement in force: ${facts.organization}`,
        body: paragraphs(
          `The data-sharing agreement between ${facts.department} and ${facts.organization} is in force until the ` +
            `end of ${facts.endDate}. ${covered(facts)}`,
          "Its members read these datasets with their API keys and signed-in sessions, under the agreement's terms.",
          facts.url ? `The agreement: ${facts.url}` : '',
        ),
      };
    case 'expired':
      return {
        subject: `Data-sharing agreement ended: ${facts.organization}`,
        body: paragraphs(
          `The data-sharing agreement between ${facts.department} and ${facts.organization} ended at the end of ` +
            `${facts.endDate}. Its members no longer read the datasets it covered.`,
          `To continue, ask ${facts.department} for a new agreement.`,
          facts.url ? `The agreement: ${facts.url}` : '',
        ),
      };
    case 'terminated':
      return {
        subject: `Data-sharing agreement terminated: ${facts.organization}`,
        body: paragraphs(
          `${facts.department} terminated the data-sharing agreement with ${facts.organization}. Its members no ` +
            'longer read the datasets it covered.',
          reason ? `Reason: ${reason}` : '',
          `Questions about the termination go to ${facts.department}.`,
          facts.url ? `The agreement: ${facts.url}` : '',
        ),
      };
  }
}
