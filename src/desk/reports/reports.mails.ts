/**
 * The reports' mails, as plain text in English: the reporter's acknowledgement, replies and status changes, the
 * stewards' sensor-fault alerts, and the assignee's notice. Pure: the service sends them through the outbox.
 */
import type { ReportStatus } from './reports.types.js';

export interface Mail {
  subject: string;
  body: string;
}

export interface MailFacts {
  cityName: string;
  number: string;
  datasetTitle: string;
  datastreamName: string | null;
  departmentName: string;
}

const STATUS_WORDS: Record<ReportStatus, string> = {
  received: 'received',
  acknowledged: 'acknowledged',
  in_progress: 'in progress',
  resolved: 'resolved',
  wont_fix: "closed: won't fix",
};

export const statusWords = (status: ReportStatus): string => STATUS_WORDS[status];

const about = (f: MailFacts) =>
  f.datastreamName ? `"${f.datasetTitle}" (sensor: ${f.datastreamName})` : `"${f.datasetTitle}"`;

const signature = (f: MailFacts) => `${f.departmentName}\n${f.cityName}`;

export function acknowledgementMail(
  f: MailFacts,
  links: { follow: string; publicPage: string | null },
): Mail {
  return {
    subject: `Your report ${f.number} about ${f.datasetTitle} was received`,
    body: [
      `Thank you for telling us about a problem with ${about(f)}.`,
      '',
      `Your report number is ${f.number}. It has gone to ${f.departmentName}, who look after this data.`,
      '',
      'Follow your report, see replies and the outcome, through this private link (keep it; anyone with the link',
      'can see your report):',
      links.follow,
      '',
      ...(links.publicPage
        ? ['Its public status page, without your email address:', links.publicPage, '']
        : [
            'The data concerned is not public, so this report has no public page: only you (through the link above)',
            'and city staff see it.',
            '',
          ]),
      'What happens next: the team acknowledges the report, looks into it, and resolves it or explains why it will',
      'not be changed. You will get an email at each step and whenever they reply.',
      '',
      signature(f),
    ].join('\n'),
  };
}

/** Where the reporter follows the report after the first mail: its public page, or the private link they kept. */
const followLines = (page: string | null) =>
  page ? ['See the report:', page, ''] : ['Follow it through the private link in our first email.', ''];

export function replyMail(f: MailFacts, reply: { author: string; body: string }, page: string | null): Mail {
  return {
    subject: `Reply to your report ${f.number} about ${f.datasetTitle}`,
    body: [
      `${f.departmentName} replied to your report ${f.number} about ${about(f)}:`,
      '',
      reply.body,
      '',
      ...followLines(page),
      signature(f),
    ].join('\n'),
  };
}

export function statusMail(
  f: MailFacts,
  change: { from: ReportStatus; to: ReportStatus; note: string | null },
  page: string | null,
): Mail {
  const reopened = change.from === 'resolved' || change.from === 'wont_fix';
  return {
    subject: `Your report ${f.number}: ${reopened ? 'reopened' : statusWords(change.to)}`,
    body: [
      `Your report ${f.number} about ${about(f)} is now ${statusWords(change.to)}${reopened ? ' (reopened)' : ''}.`,
      ...(change.note ? ['', change.note] : []),
      '',
      ...followLines(page),
      signature(f),
    ].join('\n'),
  };
}

export function faultOpenedMail(
  f: MailFacts,
  fault: { kind: string; since: string; detail: string },
  staffUrl: string,
): Mail {
  return {
    subject: `Sensor fault: ${f.datastreamName ?? f.datasetTitle} (${f.number})`,
    body: [
      `The automatic quality checks opened report ${f.number} for ${f.departmentName}:`,
      '',
      `Dataset: ${f.datasetTitle}`,
      `Sensor: ${f.datastreamName ?? '(unknown datastream)'}`,
      `Fault: ${fault.kind.replace('_', ' ')}, since ${fault.since}`,
      '',
      fault.detail,
      '',
      'The sensor is shown as under investigation on the portal until the report closes. The report closes by',
      'itself when good data comes again.',
      '',
      staffUrl,
    ].join('\n'),
  };
}

export function faultClearedMail(
  f: MailFacts,
  fault: { at: string; detail: string },
  staffUrl: string,
): Mail {
  return {
    subject: `Sensor fault cleared: ${f.datastreamName ?? f.datasetTitle} (${f.number})`,
    body: [
      `Good data came again at ${fault.at}; report ${f.number} was resolved automatically.`,
      '',
      fault.detail,
      '',
      staffUrl,
    ].join('\n'),
  };
}

export function assignedMail(f: MailFacts, by: string, staffUrl: string): Mail {
  return {
    subject: `Report ${f.number} was assigned to you`,
    body: [`${by} assigned you quality report ${f.number} about ${about(f)}.`, '', staffUrl].join('\n'),
  };
}
