/**
 * The stewardship mails, in English: the corrective notice with what to fix and by when, its resolution, the
 * escalation to administrators, the withdrawal and republication of a dataset, the freshness notice and the daily
 * digest. Pure: the watches pass what to say and where to link.
 */
import { describeFrequency } from '../../catalog/metadata-rules.js';
import type { NoticeProblem } from './stewardship.types.js';

export interface MailText {
  subject: string;
  body: string;
}

export interface MailDataset {
  id: string;
  title: string;
  department: string;
}

export interface MailLinks {
  /** The dataset's edit form in the staff console. */
  edit: string;
  /** The staff list of notices. */
  notices: string;
}

/** "December 12, 2026" in the city's zone. */
export function mailDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone }).format(new Date(iso));
}

/** "December 12, 2026, 9:00 AM" in the city's zone. */
export function mailDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

const list = (problems: readonly NoticeProblem[]) =>
  problems.map((p) => `- ${p.field}: ${p.message}`).join('\n');

export function noticeMail(
  d: MailDataset,
  problems: readonly NoticeProblem[],
  dueAt: string,
  links: MailLinks,
  options: { timeZone: string; withdrawOnExpiry: boolean },
): MailText {
  const due = mailDate(dueAt, options.timeZone);
  const consequence = options.withdrawOnExpiry
    ? 'If it is not complete by then, the notice goes to the portal administrators and the dataset is withdrawn from the public catalog (with a note that it is being completed) until it is.'
    : 'If it is not complete by then, the notice goes to the portal administrators.';
  return {
    subject: `Corrective notice: complete the metadata of "${d.title}" by ${due}`,
    body: [
      `The metadata of the dataset "${d.title}" (${d.id}), published by ${d.department}, is incomplete under the city's metadata standard (DCAT-US 1.1 and the city's own rules).`,
      '',
      'What to fix:',
      list(problems),
      '',
      `Please complete it by ${due}. ${consequence}`,
      '',
      `Edit the dataset: ${links.edit}`,
      `All notices of your department: ${links.notices}`,
      '',
      'The notice closes by itself once the metadata is complete; nothing else to do.',
    ].join('\n'),
  };
}

export function resolvedMail(d: MailDataset, links: MailLinks, republished: boolean): MailText {
  return {
    subject: `Notice closed: the metadata of "${d.title}" is complete`,
    body: [
      `Thank you: the metadata of "${d.title}" (${d.id}) is now complete, and its corrective notice is closed.`,
      republished ? 'The dataset was withdrawn under the city policy; it is published again.' : '',
      '',
      `Notices: ${links.notices}`,
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n'),
  };
}

export function escalationMail(
  d: MailDataset,
  problems: readonly NoticeProblem[],
  dueAt: string,
  links: MailLinks,
  options: { timeZone: string; withdrawn: boolean },
): MailText {
  return {
    subject: `Escalated: "${d.title}" is past its metadata due date`,
    body: [
      `The corrective notice for "${d.title}" (${d.id}, ${d.department}) was due on ${mailDate(dueAt, options.timeZone)} and the metadata is still incomplete:`,
      list(problems),
      '',
      options.withdrawn
        ? 'Under the city policy the dataset is withdrawn from the public catalog until it is complete; it is published again by itself once it is.'
        : 'The city policy does not withdraw datasets; it stays published.',
      '',
      `Edit the dataset: ${links.edit}`,
      `Notices: ${links.notices}`,
    ].join('\n'),
  };
}

export function withdrawnMail(
  d: MailDataset,
  problems: readonly NoticeProblem[],
  links: MailLinks,
): MailText {
  return {
    subject: `Withdrawn: "${d.title}" is unpublished until its metadata is complete`,
    body: [
      `The corrective notice for "${d.title}" (${d.id}) is past its due date, so under the city policy the dataset is withdrawn from the public catalog. Its page tells visitors that it is being completed and how to reach ${d.department}.`,
      '',
      'What to fix:',
      list(problems),
      '',
      `Edit the dataset: ${links.edit}`,
      'It is published again by itself within a quarter of an hour of the metadata being complete.',
    ].join('\n'),
  };
}

export function freshnessMail(
  d: MailDataset & { updateFrequency: string },
  lastUpdate: string,
  expectedBy: string,
  links: MailLinks,
  timeZone: string,
): MailText {
  return {
    subject: `Out of date: "${d.title}" was expected by ${mailDate(expectedBy, timeZone)}`,
    body: [
      `The dataset "${d.title}" (${d.id}) is declared to be updated ${describeFrequency(d.updateFrequency)}. Its data last changed on ${mailDateTime(lastUpdate, timeZone)} and the next update was expected by ${mailDateTime(expectedBy, timeZone)}.`,
      '',
      'Please import the new data, or, if the schedule has changed, correct the update frequency in its metadata. The public status page shows it as overdue until then.',
      '',
      `Edit the dataset: ${links.edit}`,
      `Notices: ${links.notices}`,
    ].join('\n'),
  };
}

export interface DigestContent {
  department: string;
  date: string;
  reports: { number: string; dataset: string; kind: string; status: string }[];
  overdue: { id: string; title: string; expectedBy: string | null }[];
  notices: { dataset: string; kind: string; state: string; dueAt: string }[];
}

export function digestMail(
  content: DigestContent,
  links: { notices: string; reports: string },
  timeZone: string,
): MailText {
  const parts: string[] = [`Good morning. What needs the attention of ${content.department} today:`];
  if (content.reports.length > 0) {
    parts.push('', `New quality reports (${content.reports.length}):`);
    for (const r of content.reports)
      parts.push(
        `- ${r.number}: ${r.dataset} (${r.kind.replace(/_/g, ' ')}, ${r.status.replace(/_/g, ' ')})`,
      );
    parts.push(`Reports: ${links.reports}`);
  }
  if (content.overdue.length > 0) {
    parts.push('', `Datasets out of date (${content.overdue.length}):`);
    for (const o of content.overdue)
      parts.push(
        `- ${o.title} (${o.id})${o.expectedBy ? `: expected by ${mailDateTime(o.expectedBy, timeZone)}` : ''}`,
      );
  }
  if (content.notices.length > 0) {
    parts.push('', `Open notices (${content.notices.length}):`);
    for (const n of content.notices)
      parts.push(
        `- ${n.dataset}: ${n.kind}${n.state === 'escalated' ? ', escalated' : ''}, ${n.kind === 'metadata' ? 'due' : 'update expected'} ${mailDate(n.dueAt, timeZone)}`,
      );
    parts.push(`Notices: ${links.notices}`);
  }
  return { subject: `Daily digest for ${content.department}, ${content.date}`, body: parts.join('\n') };
}
