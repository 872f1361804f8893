/**
 * The life of a data-sharing agreement: it comes into force once signed and started, its grants follow its
 * members and datasets while it is in force, both sides hear 30 and 7 days before it ends, and its grants are
 * revoked when it expires or is terminated. `sweep` does what time alone brings about (the scheduler runs it).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { formatter } from '../../web/format.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OutboxService } from '../mail/outbox.service.js';
import { SYSTEM, type Actor } from './actor.js';
import { agreementsRepo, type AgreementParts, type AgreementRow } from './agreements.repo.js';
import { cityCalendar, daysBetween } from './dates.js';
import { grantsRepo } from './grants.repo.js';
import { agreementChangeMail, expiryNoticeMail, type AgreementFacts, type Mail } from './notices.js';
import type { Routing } from './routing.js';

const DAY_MS = 86_400_000;
/** Notices go out this many days before the end: the first, then the last. */
export const NOTICE_DAYS = [30, 7] as const;

export interface LifecycleDeps {
  db: { kysely: Kysely<Schema> };
  audit: Pick<AuditService, 'record'>;
  outbox: Pick<OutboxService, 'enqueue'>;
  forget: (message: { userId: string }) => void;
  routing: Pick<Routing, 'deciders' | 'department'>;
  /** Titles of datasets, for notices. */
  datasetTitle: (id: string) => Promise<string>;
  timeZone: string;
  publicUrl: string;
  now: () => Date;
}

export interface SweepResult {
  activated: string[];
  expired: string[];
  notices: { id: string; days: number }[];
}

export function agreementLifecycle(deps: LifecycleDeps) {
  const repo = agreementsRepo(deps.db);
  const calendar = cityCalendar(deps.timeZone);
  const format = formatter(deps.timeZone);

  async function facts(row: AgreementRow, parts: AgreementParts): Promise<AgreementFacts> {
    const department = await deps.routing.department(row.department_id);
    return {
      organization: row.organization,
      department: department?.name ?? row.department_id,
      endDate: format.date(calendar.lastDayBefore(new Date(row.ends_at))),
      datasets: await Promise.all(parts.datasets.map((id) => deps.datasetTitle(id))),
    };
  }

  /** Mails both sides: the organization's contact, and the department's stewards (with the page's address). */
  async function tellBothSides(row: AgreementRow, mail: (facts: AgreementFacts) => Mail, kind: string) {
    const parts = (await repo.parts([row.id])).get(row.id)!;
    const base = await facts(row, parts);
    const staff = (await deps.routing.deciders(row.department_id)).filter((to) => to !== row.contact_email);
    await deps.outbox.enqueue({ to: row.contact_email, ...mail(base), kind });
    const inside = mail({ ...base, url: `${deps.publicUrl}/staff/agreements/${row.id}` });
    for (const to of staff) await deps.outbox.enqueue({ to, ...inside, kind });
  }

  const audit = (action: string, row: AgreementRow, actor: Actor, reason?: string | null, details = {}) =>
    deps.audit.record({
      action,
      actorId: actor.userId,
      actor: actor.label,
      targetType: 'agreement',
      targetId: row.id,
      reason: reason ?? null,
      ip: actor.ip,
      details: { organization: row.organization, department: row.department_id, ...details },
    });

  /**
   * Makes the live grants of an active agreement match its members × datasets and its end; returns the accounts
   * whose access changed.
   */
  async function syncGrants(row: AgreementRow): Promise<string[]> {
    const at = deps.now().toISOString();
    return deps.db.kysely.transaction().execute(async (tx) => {
      const grants = grantsRepo({ kysely: tx });
      const parts = (await agreementsRepo({ kysely: tx }).parts([row.id])).get(row.id)!;
      const live = await grants.live('agreement', row.id);
      const key = (userId: string, datasetId: string | null) => `${userId}\u0000${datasetId ?? ''}`;
      const wanted = new Set(parts.members.flatMap((m) => parts.datasets.map((d) => key(m, d))));
      const have = new Set(live.map((g) => key(g.user_id, g.dataset_id)));
      const stale = live.filter((g) => !wanted.has(key(g.user_id, g.dataset_id)));
      const revoked = await grants.revoke(
        'agreement',
        row.id,
        at,
        stale.map((g) => g.id),
      );
      await grants.setEnd('agreement', row.id, row.ends_at);
      const fresh = parts.members.flatMap((user_id) =>
        parts.datasets
          .filter((dataset_id) => !have.has(key(user_id, dataset_id)))
          .map((dataset_id) => ({
            id: randomUUID(),
            user_id,
            dataset_id,
            tier: null,
            source: 'agreement',
            source_id: row.id,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            revoked_at: null,
            created_at: at,
          })),
      );
      await grants.insert(fresh);
      return [...new Set([...revoked, ...parts.members])];
    });
  }

  async function revokeAll(row: AgreementRow): Promise<void> {
    const users = await grantsRepo(deps.db).revoke('agreement', row.id, deps.now().toISOString());
    for (const userId of users) deps.forget({ userId });
  }

  async function activate(row: AgreementRow, actor: Actor): Promise<boolean> {
    const at = deps.now().toISOString();
    if (!(await repo.transition(row.id, ['draft'], { status: 'active', updated_at: at }))) return false;
    const active = { ...row, status: 'active', updated_at: at };
    for (const userId of await syncGrants(active)) deps.forget({ userId });
    await audit('agreement.activate', active, actor);
    await tellBothSides(active, (f) => agreementChangeMail(f, 'active'), 'agreement_active');
    return true;
  }

  async function expire(row: AgreementRow, actor: Actor): Promise<boolean> {
    const at = deps.now().toISOString();
    if (!(await repo.transition(row.id, ['draft', 'active'], { status: 'expired', updated_at: at })))
      return false;
    const expired = { ...row, status: 'expired', updated_at: at };
    await revokeAll(expired);
    await audit('agreement.expire', expired, actor, null, { was: row.status });
    // A draft that ran out before it was ever in force gave no access: nobody needs to hear about it.
    if (row.status === 'active')
      await tellBothSides(expired, (f) => agreementChangeMail(f, 'expired'), 'agreement_expired');
    return true;
  }

  /** Whole days left, in the city's calendar: 0 on the last day. */
  const daysLeft = (row: AgreementRow, at: Date) =>
    daysBetween(calendar.dayOf(at), calendar.lastDayBefore(new Date(row.ends_at)));

  async function sendNotices(row: AgreementRow, at: Date): Promise<number | undefined> {
    const left = row.ends_at.localeCompare(at.toISOString()) > 0 ? daysLeft(row, at) : -1;
    if (left < 0 || left > NOTICE_DAYS[0]) return undefined;
    const stamp = at.toISOString();
    let send = false;
    if (left <= NOTICE_DAYS[1]) {
      // The last notice replaces the first when both are due (an agreement made, or found, late).
      if (await repo.claimNotice(row.id, 'final_notice_at', stamp)) send = true;
      await repo.claimNotice(row.id, 'expiry_notice_at', stamp);
    } else if (await repo.claimNotice(row.id, 'expiry_notice_at', stamp)) send = true;
    if (!send) return undefined;
    await tellBothSides(row, (f) => expiryNoticeMail(f, left), 'agreement_expiry_notice');
    return left;
  }

  return {
    syncGrants,
    activate,
    expire,
    revokeAll,
    tellBothSides,
    audit,

    /**
     * Brings an agreement in line with the clock after a change: a signed draft whose start has come comes into
     * force (or expires, if its end has passed too); an active one gets its grants updated, or expires.
     */
    async settle(row: AgreementRow, actor: Actor): Promise<void> {
      const at = deps.now().toISOString();
      if (row.status === 'draft' && row.signed_at !== null && row.starts_at <= at) {
        if (row.ends_at <= at) await expire(row, actor);
        else await activate(row, actor);
      } else if (row.status === 'active') {
        if (row.ends_at <= at) await expire(row, actor);
        else for (const userId of await syncGrants(row)) deps.forget({ userId });
      }
    },

    /** Starts, ends and warns what the clock says is due. Safe to run on several nodes at once. */
    async sweep(): Promise<SweepResult> {
      const now = deps.now();
      const at = now.toISOString();
      const result: SweepResult = { activated: [], expired: [], notices: [] };
      for (const row of await repo.dueToEnd(at)) if (await expire(row, SYSTEM)) result.expired.push(row.id);
      for (const row of await repo.dueToStart(at)) {
        if (row.ends_at <= at) {
          if (await expire(row, SYSTEM)) result.expired.push(row.id);
        } else if (await activate(row, SYSTEM)) result.activated.push(row.id);
      }
      const horizon = new Date(now.getTime() + (NOTICE_DAYS[0] + 1) * DAY_MS).toISOString();
      for (const row of await repo.dueForNotice(horizon)) {
        const days = await sendNotices(row, now);
        if (days !== undefined) result.notices.push({ id: row.id, days });
      }
      return result;
    },
  };
}

export type AgreementLifecycle = ReturnType<typeof agreementLifecycle>;
