/**
 * Access requests: a developer asks for a restricted dataset or a higher tier, stating purpose and intended use;
 * the dataset's department (or, for tiers, the administrators) approves or denies. An approval is a grant
 * (access_grants, source `request`) that users.standing picks up; a denial or a limited approval tells the
 * requester how to ask for a review, how to ask for the records under the Public Records Act, and that a
 * data-sharing agreement may be possible.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Dataset } from '../../catalog/catalog.schema.js';
import type { CatalogService } from '../../catalog/catalog.service.js';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OutboxService } from '../mail/outbox.service.js';
import { TIERS, type Tier } from '../principal.js';
import type { UsersService } from '../users/users.service.js';
import { decidesFor, type Actor } from './actor.js';
import { cityCalendar, isDate } from './dates.js';
import { grantsRepo } from './grants.repo.js';
import { decisionMail, newRequestMail } from './notices.js';
import { requestPresenter } from './requests.present.js';
import { requestsRepo, type RequestRow } from './requests.repo.js';
import {
  TEXT_MAX,
  TEXT_MIN,
  type AccessRequestCreate,
  type AccessRequestView,
  type DecisionInput,
  type RequestStatus,
} from './requests.schema.js';
import type { Routing } from './routing.js';

const REQUESTABLE_TIERS: readonly Tier[] = ['elevated', 'partner'];

type Problem = { field: string; message: string };

export const requestErrors = {
  notFound: (id: string) =>
    new AppError('access_request.not_found', 404, `No access request "${id}" of yours.`, { id }),
  invalid: (problems: Problem[]) =>
    new AppError(
      'access_request.invalid',
      422,
      `The request is not complete: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
      { problems },
    ),
  duplicate: (id: string) =>
    new AppError(
      'access_request.duplicate',
      409,
      `You already have a pending request for this (${id}); wait for its decision or withdraw it first.`,
      { id },
    ),
  notNeeded: (message: string) => new AppError('access_request.not_needed', 409, message),
  developersOnly: () =>
    new AppError(
      'access_request.developers_only',
      403,
      'Access requests are made by developer accounts; staff read restricted data through their role.',
    ),
  notPending: (status: string) =>
    new AppError('access_request.not_pending', 409, `This request is ${status}, no longer pending.`, {
      status,
    }),
};

export interface RequestsDeps {
  db: { kysely: Kysely<Schema> };
  users: Pick<UsersService, 'get' | 'list' | 'standing'>;
  catalog: Pick<CatalogService, 'get' | 'all' | 'departments' | 'mayRead'>;
  audit: Pick<AuditService, 'record'>;
  outbox: Pick<OutboxService, 'enqueue'>;
  forget: (message: { userId: string }) => void;
  routing: Routing;
  /** The city's time zone: days ("until June 30") are the city's. */
  timeZone: string;
  publicUrl: string;
  /** The public records desk's address, when the portal has one. */
  recordsUrl: () => string | undefined;
  /** Whether an account is (or was) a member of an agreement that names a dataset. */
  knowsThroughAgreement: (userId: string, datasetId: string) => Promise<boolean>;
  now?: () => Date;
}

const checkText = (field: string, value: string | undefined, problems: Problem[]) => {
  const text = (value ?? '').trim();
  if (text.length < TEXT_MIN) problems.push({ field, message: `write at least ${TEXT_MIN} characters` });
  else if (text.length > TEXT_MAX) problems.push({ field, message: `write at most ${TEXT_MAX} characters` });
  return text;
};

export function requestsService(deps: RequestsDeps) {
  const now = deps.now ?? (() => new Date());
  const calendar = cityCalendar(deps.timeZone);
  const repo = requestsRepo(deps.db);
  const present = requestPresenter(deps);

  /** The dataset a developer may ask for, or why not. */
  async function requestable(userId: string, datasetId: string): Promise<Dataset> {
    const standing = await deps.users.standing(userId);
    const viewer = { admin: false, grants: standing?.grants ?? new Set<string>() };
    let dataset: Dataset;
    try {
      dataset = await deps.catalog.get(datasetId, viewer);
    } catch (error) {
      // A non-public dataset exists only for those who know of it through an agreement.
      if (!(error instanceof AppError && error.status === 404)) throw error;
      if (!(await deps.knowsThroughAgreement(userId, datasetId))) throw error;
      dataset = await deps.catalog.get(datasetId, { admin: true });
      if (dataset.status !== 'published') throw error;
    }
    if (dataset.access_level === 'public')
      throw requestErrors.notNeeded(`"${dataset.id}" is public: everyone reads it without asking.`);
    if (deps.catalog.mayRead(dataset, viewer))
      throw requestErrors.notNeeded(`You already read "${dataset.id}".`);
    return dataset;
  }

  async function tierRequestable(userId: string, tier: string | undefined): Promise<Tier> {
    if (!REQUESTABLE_TIERS.includes(tier as Tier))
      throw requestErrors.invalid([{ field: 'tier', message: `ask for ${REQUESTABLE_TIERS.join(' or ')}` }]);
    const standing = await deps.users.standing(userId);
    const current = standing?.tier ?? 'standard';
    if (TIERS.indexOf(current) >= TIERS.indexOf(tier as Tier))
      throw requestErrors.notNeeded(`Your account already has the ${current} tier.`);
    return tier as Tier;
  }

  function requireDeveloper(actor: Actor): string {
    if (actor.kind !== 'developer' || !actor.userId) throw requestErrors.developersOnly();
    return actor.userId;
  }

  async function ownRow(actor: Actor, id: string): Promise<RequestRow> {
    const row = await repo.find(id);
    if (!row || row.user_id !== actor.userId) throw requestErrors.notFound(id);
    return row;
  }

  async function staffRow(actor: Actor, id: string): Promise<RequestRow> {
    const row = await repo.find(id);
    if (!row || actor.kind === 'developer' || !decidesFor(actor, row.department_id))
      throw requestErrors.notFound(id);
    return row;
  }

  async function notifyDeciders(row: RequestRow, view: AccessRequestView): Promise<void> {
    const user = await deps.users.get(row.user_id);
    const mail = newRequestMail(
      {
        id: row.id,
        subject: present.subjectOf(view),
        requester: { name: user.name, email: user.email },
        purpose: row.purpose,
        intendedUse: row.intended_use,
      },
      `${deps.publicUrl}/staff/access-requests/${row.id}`,
    );
    for (const to of await deps.routing.deciders(row.department_id))
      await deps.outbox.enqueue({ to, ...mail, kind: 'access_request' });
  }

  function checkDecision(
    row: RequestRow,
    input: DecisionInput,
  ): {
    reason: string | null;
    until: string | null;
    tier: Tier | null;
  } {
    const problems: Problem[] = [];
    const reason = (input.reason ?? '').trim() || null;
    if (reason && reason.length > TEXT_MAX)
      problems.push({ field: 'reason', message: `write at most ${TEXT_MAX} characters` });
    if (input.decision === 'deny') {
      if (!reason) problems.push({ field: 'reason', message: 'say why the request is denied' });
      if (problems.length) throw requestErrors.invalid(problems);
      return { reason, until: null, tier: null };
    }
    const until = (input.until ?? '').trim() || null;
    if (until !== null) {
      if (!isDate(until)) problems.push({ field: 'until', message: 'give a date as YYYY-MM-DD' });
      else if (until <= calendar.dayOf(now()))
        problems.push({ field: 'until', message: 'give a day after today' });
    }
    let tier: Tier | null = null;
    const asked = (input.tier ?? '').trim();
    if (row.kind === 'tier') {
      tier = (asked || row.tier) as Tier;
      if (!REQUESTABLE_TIERS.includes(tier))
        problems.push({ field: 'tier', message: `grant ${REQUESTABLE_TIERS.join(' or ')}` });
      else if (TIERS.indexOf(tier) > TIERS.indexOf(row.tier as Tier))
        problems.push({ field: 'tier', message: `grant at most the ${row.tier} tier that was asked for` });
    } else if (asked) {
      problems.push({ field: 'tier', message: 'a dataset request grants the dataset, not a tier' });
    }
    if (problems.length) throw requestErrors.invalid(problems);
    return { reason, until, tier };
  }

  return {
    /** Asks for a dataset or a tier. */
    async create(actor: Actor, input: AccessRequestCreate): Promise<AccessRequestView> {
      const userId = requireDeveloper(actor);
      const problems: Problem[] = [];
      const datasetId = input.dataset?.trim() || undefined;
      const tierAsked = input.tier?.trim() || undefined;
      if (!datasetId === !tierAsked)
        problems.push({ field: 'dataset', message: 'ask either for a dataset or for a tier' });
      const purpose = checkText('purpose', input.purpose, problems);
      const intendedUse = checkText('intended_use', input.intended_use, problems);
      if (problems.length) throw requestErrors.invalid(problems);

      const dataset = datasetId ? await requestable(userId, datasetId) : undefined;
      const tier = dataset ? null : await tierRequestable(userId, tierAsked);
      const kind = dataset ? 'dataset' : 'tier';
      const pending = await repo.pendingFor(userId, kind, dataset?.id ?? null);
      if (pending) throw requestErrors.duplicate(pending.id);
      const row: RequestRow = {
        id: randomUUID(),
        user_id: userId,
        kind,
        dataset_id: dataset?.id ?? null,
        tier,
        department_id: dataset?.department.id ?? null,
        purpose,
        intended_use: intendedUse,
        status: 'pending',
        decided_by: null,
        decided_at: null,
        decision_reason: null,
        approved_until: null,
        approved_tier: null,
        created_at: now().toISOString(),
      };
      if (!(await repo.insert(row))) {
        const raced = await repo.pendingFor(userId, kind, row.dataset_id);
        throw requestErrors.duplicate(raced?.id ?? row.id);
      }
      await deps.audit.record({
        action: 'access_request.create',
        actorId: userId,
        actor: actor.label,
        targetType: 'access_request',
        targetId: row.id,
        ip: actor.ip,
        details: { kind, dataset: row.dataset_id, tier, department: row.department_id },
      });
      const view = await present.one(row);
      await notifyDeciders(row, view);
      return view;
    },

    /** The requester's own requests, newest first. */
    async mine(actor: Actor): Promise<AccessRequestView[]> {
      if (!actor.userId) return [];
      return present.many(await repo.list({ userId: actor.userId }));
    },

    async getOwn(actor: Actor, id: string): Promise<AccessRequestView> {
      return present.one(await ownRow(actor, id));
    },

    /** Withdraws a pending request of one's own. */
    async withdraw(actor: Actor, id: string): Promise<AccessRequestView> {
      const row = await ownRow(actor, id);
      if (row.status !== 'pending') throw requestErrors.notPending(row.status);
      const fields = {
        status: 'withdrawn',
        decided_by: actor.userId,
        decided_at: now().toISOString(),
        decision_reason: null,
        approved_until: null,
        approved_tier: null,
      };
      if (!(await repo.settle(id, fields))) throw requestErrors.notPending((await repo.find(id))!.status);
      await deps.audit.record({
        action: 'access_request.withdraw',
        actorId: actor.userId,
        actor: actor.label,
        targetType: 'access_request',
        targetId: id,
        ip: actor.ip,
      });
      return present.one({ ...row, ...fields });
    },

    /** The requests this member of staff decides: their departments' (and, for admins, all). */
    async queue(actor: Actor, status?: RequestStatus): Promise<AccessRequestView[]> {
      if (actor.kind === 'developer') return [];
      const rows = await repo.list({
        ...(status ? { status } : {}),
        ...(actor.admin ? {} : { departments: actor.departments }),
      });
      return present.many(rows, { staff: true });
    },

    async getForStaff(actor: Actor, id: string): Promise<AccessRequestView> {
      return present.one(await staffRow(actor, id), { staff: true });
    },

    /** Approves (optionally until a day, or for a lower tier) or denies a pending request. */
    async decide(actor: Actor, id: string, input: DecisionInput): Promise<AccessRequestView> {
      const row = await staffRow(actor, id);
      if (row.status !== 'pending') throw requestErrors.notPending(row.status);
      const { reason, until, tier } = checkDecision(row, input);
      const at = now().toISOString();
      const approve = input.decision === 'approve';
      const fields = {
        status: approve ? 'approved' : 'denied',
        decided_by: actor.userId,
        decided_at: at,
        decision_reason: reason,
        approved_until: until,
        approved_tier: tier,
      };
      await deps.db.kysely.transaction().execute(async (tx) => {
        if (!(await requestsRepo({ kysely: tx }).settle(id, fields))) {
          const current = await requestsRepo({ kysely: tx }).find(id);
          throw requestErrors.notPending(current?.status ?? 'gone');
        }
        if (approve)
          await grantsRepo({ kysely: tx }).insert([
            {
              id: randomUUID(),
              user_id: row.user_id,
              dataset_id: row.dataset_id,
              tier,
              source: 'request',
              source_id: id,
              starts_at: at,
              ends_at: until ? calendar.endOf(until).toISOString() : null,
              revoked_at: null,
              created_at: at,
            },
          ]);
      });
      deps.forget({ userId: row.user_id });
      await deps.audit.record({
        action: approve ? 'access_request.approve' : 'access_request.deny',
        actorId: actor.userId,
        actor: actor.label,
        targetType: 'access_request',
        targetId: id,
        reason,
        ip: actor.ip,
        details: { kind: row.kind, dataset: row.dataset_id, tier, asked: row.tier, until, user: row.user_id },
      });
      const decided = { ...row, ...fields };
      const view = await present.one(decided);
      const requester = await deps.users.get(row.user_id);
      const mail = decisionMail(
        {
          subject: present.subjectOf(view),
          decision: approve ? 'approved' : 'denied',
          reason,
          until: until ? present.formatDate(until) : null,
          lowerTier: tier && tier !== row.tier ? tier : null,
          decidedBy: view.decided_by ?? 'the portal administrators',
          requestUrl: `${deps.publicUrl}/access/requests/${id}`,
        },
        await present.recourseContext(decided),
      );
      await deps.outbox.enqueue({ to: requester.email, ...mail, kind: 'access_decision' });
      return view;
    },

    /** What the request form needs to know: the dataset asked for (when it may be asked for) and any pending one. */
    async describeTarget(
      actor: Actor,
      target: { dataset?: string; tier?: string },
    ): Promise<{ dataset?: Dataset; tier?: Tier; pending?: string }> {
      const userId = requireDeveloper(actor);
      if (target.dataset) {
        const dataset = await requestable(userId, target.dataset);
        return { dataset, pending: (await repo.pendingFor(userId, 'dataset', dataset.id))?.id };
      }
      const current = (await deps.users.standing(userId))?.tier ?? 'standard';
      const next = REQUESTABLE_TIERS.find((t) => TIERS.indexOf(t) > TIERS.indexOf(current)) ?? 'partner';
      const tier = await tierRequestable(userId, target.tier ?? next);
      return { tier, pending: (await repo.pendingFor(userId, 'tier', null))?.id };
    },
  };
}

export type RequestsService = ReturnType<typeof requestsService>;
