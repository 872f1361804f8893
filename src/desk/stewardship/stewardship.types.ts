/**
 * Stewardship: the watches that keep datasets honest (freshness against the declared update frequency, metadata
 * completeness against DCAT-US and the city's own rules), the corrective notices they send to stewards, with a
 * due date, escalation and (when the city's policy says so) withdrawal until fixed, and the daily digest per
 * department. Types only: stewardship.service.ts implements them.
 */

export const NOTICE_KINDS = ['metadata', 'freshness'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_STATES = ['open', 'escalated', 'resolved'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export interface NoticeProblem {
  field: string;
  message: string;
}

export interface StewardNotice {
  id: string;
  datasetId: string;
  datasetTitle: string;
  departmentId: string;
  kind: NoticeKind;
  state: NoticeState;
  /** What is missing or late, in words, one per line. */
  problems: NoticeProblem[];
  issuedAt: string;
  /** Metadata: the date to fix it by. Freshness: when the update was expected. */
  dueAt: string;
  escalatedAt: string | null;
  resolvedAt: string | null;
  /** When the dataset was withdrawn under the city's policy (and republished, if fixed since). */
  withdrawnAt: string | null;
  republishedAt: string | null;
}

export interface WatchRun {
  at: string;
  opened: number;
  escalated: number;
  resolved: number;
  withdrawn: number;
  republished: number;
  silentFeeds: number;
}

export interface DigestRun {
  at: string;
  /** Departments a digest went to. */
  sent: string[];
}

/** Who asks for notices: admins see all; stewards their departments'. */
export interface NoticeViewer {
  admin: boolean;
  departments: readonly string[];
}

export interface NoticeQuery {
  state?: NoticeState | 'unresolved';
  kind?: NoticeKind;
  dataset?: string;
  department?: string;
}

/** What the public may read about a dataset the watch withdrew until its metadata is complete again. */
export interface WithdrawalNote {
  dataset: { id: string; title: string };
  department: { id: string; name: string; email: string | null; phone: string | null };
  withdrawnAt: string;
}
