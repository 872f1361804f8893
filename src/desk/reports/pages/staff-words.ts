/** The staff pages' English words for the reports' statuses, kinds and sources, and the notices after a form. */
import type { ReportKind, ReportSource, ReportStatus } from '../reports.types.js';

export const STATUS_WORDS: Record<ReportStatus, string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  resolved: 'Resolved',
  wont_fix: "Won't fix",
};

export const KIND_WORDS: Record<ReportKind, string> = {
  wrong_values: 'Wrong values',
  missing_data: 'Missing data',
  out_of_date: 'Out of date',
  sensor_fault: 'Sensor fault',
  wrong_location: 'Wrong location',
  metadata_error: 'Metadata error',
  licence_question: 'Licence or attribution question',
  other: 'Other',
};

export const SOURCE_WORDS: Record<ReportSource, string> = {
  public: 'The public',
  automatic: 'Automatic sensor checks',
};

/** What the page says after a form succeeded (`?done=`). */
export const DONE_NOTICES: Record<string, string> = {
  acknowledged: 'The report is acknowledged; the reporter sees it on their page.',
  in_progress: 'The report is marked in progress.',
  resolved: 'The report is resolved; the reporter sees the resolution note.',
  wont_fix: "The report is closed as won't fix, with the reason shown to the reporter.",
  assigned: 'The assignment is saved.',
  replied: 'The reply is published on the report and sent to the reporter.',
  noted: 'The internal note is saved (only staff see it).',
};
