/**
 * Data-sharing agreements: a department shares restricted or non-public datasets with an organization, whose
 * developer accounts (its members) read them while the agreement is in force. The department's stewards and the
 * administrators write them; the lifecycle (agreements.lifecycle.ts) turns them into grants and back.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CatalogService } from '../../catalog/catalog.service.js';
import type { Schema } from '../../db/schema.js';
import { AppError, errors } from '../../errors.js';
import type { UsersService } from '../users/users.service.js';
import { decidesFor, type Actor } from './actor.js';
import { agreementLifecycle, NOTICE_DAYS, type LifecycleDeps } from './agreements.lifecycle.js';
import { agreementsRepo, type AgreementParts, type AgreementRow } from './agreements.repo.js';
import type {
  AgreementCreate,
  AgreementStatus,
  AgreementUpdate,
  AgreementView,
} from './agreements.schema.js';
import { checkAgreement, type Problem } from './agreements.validate.js';
import { cityCalendar, daysBetween } from './dates.js';
import { agreementChangeMail } from './notices.js';

export const agreementErrors = {
  notFound: (id: string) =>
    new AppError('agreement.not_found', 404, `No agreement "${id}" that you manage.`, { id }),
  invalid: (problems: Problem[]) =>
    new AppError(
      'agreement.invalid',
      422,
      `The agreement is not valid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
      { problems },
    ),
  closed: (status: string) =>
    new AppError('agreement.closed', 409, `This agreement is ${status}; make a new one instead.`, { status }),
};

export interface AgreementsDeps extends Omit<LifecycleDeps, 'datasetTitle'> {
  db: { kysely: Kysely<Schema> };
  users: Pick<UsersService, 'get' | 'list' | 'findByEmail'>;
  catalog: Pick<CatalogService, 'get' | 'departments' | 'departmentExists'>;
}

export function agreementsService(deps: AgreementsDeps) {
  const repo = agreementsRepo(deps.db);
  const calendar = cityCalendar(deps.timeZone);
  const datasetTitle = async (id: string) => {
    try {
      return (await deps.catalog.get(id, { admin: true })).title;
    } catch {
      return id;
    }
  };
  const lifecycle = agreementLifecycle({ ...deps, datasetTitle });

  async function present(rows: readonly AgreementRow[]): Promise<AgreementView[]> {
    const [parts, departments] = await Promise.all([
      repo.parts(rows.map((r) => r.id)),
      deps.catalog.departments({ admin: true }),
    ]);
    const titles = new Map<string, Promise<string>>();
    const title = (id: string) => titles.get(id) ?? titles.set(id, datasetTitle(id)).get(id)!;
    const people = new Map<string, Promise<{ id: string; email: string; name: string }>>();
    const person = (id: string) =>
      people.get(id) ??
      people
        .set(
          id,
          deps.users.get(id).then(
            (u) => ({ id, email: u.email, name: u.name }),
            () => ({ id, email: '', name: '' }),
          ),
        )
        .get(id)!;
    return Promise.all(
      rows.map(async (row) => {
        const own = parts.get(row.id)!;
        return {
          id: row.id,
          department: {
            id: row.department_id,
            name: departments.find((d) => d.id === row.department_id)?.name ?? row.department_id,
          },
          organization: row.organization,
          contact_name: row.contact_name,
          contact_email: row.contact_email,
          purpose: row.purpose,
          terms_text: row.terms_text,
          terms_url: row.terms_url,
          terms_version: row.terms_version,
          start_date: calendar.dayOf(new Date(row.starts_at)),
          end_date: calendar.lastDayBefore(new Date(row.ends_at)),
          starts_at: row.starts_at,
          ends_at: row.ends_at,
          signed_date: row.signed_at ? calendar.dayOf(new Date(row.signed_at)) : null,
          status: row.status as AgreementStatus,
          datasets: await Promise.all(own.datasets.map(async (id) => ({ id, title: await title(id) }))),
          members: await Promise.all(own.members.map(person)),
          expiry_notice_at: row.expiry_notice_at,
          final_notice_at: row.final_notice_at,
          terminated_at: row.terminated_at,
          termination_reason: row.termination_reason,
          created_at: row.created_at,
          updated_at: row.updated_at,
        };
      }),
    );
  }

  async function managed(actor: Actor, id: string): Promise<AgreementRow> {
    const row = await repo.find(id);
    if (!row || actor.kind === 'developer' || !decidesFor(actor, row.department_id))
      throw agreementErrors.notFound(id);
    return row;
  }

  const validate = (input: AgreementCreate | AgreementUpdate, existing?: AgreementRow & AgreementParts) =>
    checkAgreement(input, {
      existing,
      today: calendar.dayOf(deps.now()),
      calendar,
      catalog: deps.catalog,
      users: deps.users,
    });

  async function reload(id: string): Promise<AgreementView> {
    return (await present([(await repo.find(id))!]))[0]!;
  }

  return {
    lifecycle,
    sweep: () => lifecycle.sweep(),
    knows: (userId: string, datasetId: string) => repo.knows(userId, datasetId),

    async list(actor: Actor, status?: AgreementStatus): Promise<AgreementView[]> {
      if (actor.kind === 'developer') return [];
      const rows = await repo.list({
        ...(status ? { status } : {}),
        ...(actor.admin ? {} : { departments: actor.departments }),
      });
      return present(rows);
    },

    async get(actor: Actor, id: string): Promise<AgreementView> {
      return (await present([await managed(actor, id)]))[0]!;
    },

    async create(actor: Actor, input: AgreementCreate): Promise<AgreementView> {
      if (actor.kind === 'developer' || !decidesFor(actor, input.department?.trim?.() ?? ''))
        throw errors.forbidden(
          'Agreements are made by the stewards of the department that shares the data, or by administrators.',
        );
      const checked = await validate(input);
      if (checked.problems.length) throw agreementErrors.invalid(checked.problems);
      const at = deps.now().toISOString();
      const row: AgreementRow = {
        id: randomUUID(),
        department_id: input.department.trim(),
        ...checked.fields,
        status: 'draft',
        expiry_notice_at: null,
        final_notice_at: null,
        terminated_at: null,
        termination_reason: null,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      } as AgreementRow;
      await repo.insert(row, checked.parts as AgreementParts);
      await lifecycle.audit('agreement.create', row, actor, null, {
        datasets: checked.parts.datasets,
        members: checked.parts.members,
      });
      await lifecycle.settle(row, actor);
      return reload(row.id);
    },

    async update(actor: Actor, id: string, input: AgreementUpdate): Promise<AgreementView> {
      const row = await managed(actor, id);
      if (row.status === 'expired' || row.status === 'terminated') throw agreementErrors.closed(row.status);
      const parts = (await repo.parts([id])).get(id)!;
      const checked = await validate(input, { ...row, ...parts });
      if (checked.problems.length) throw agreementErrors.invalid(checked.problems);
      const fields: Partial<AgreementRow> = { ...checked.fields, updated_at: deps.now().toISOString() };
      if (fields.ends_at && fields.ends_at !== row.ends_at) {
        // A new end date brings its own notices.
        const left = daysBetween(
          calendar.dayOf(deps.now()),
          calendar.lastDayBefore(new Date(fields.ends_at)),
        );
        if (left > NOTICE_DAYS[0]) fields.expiry_notice_at = null;
        if (left > NOTICE_DAYS[1]) fields.final_notice_at = null;
      }
      await repo.update(id, fields, checked.parts);
      const same = (a: readonly string[], b: readonly string[]) =>
        [...a].sort().join() === [...b].sort().join();
      const changed = [
        ...Object.entries(checked.fields)
          .filter(([key, value]) => row[key as keyof AgreementRow] !== value)
          .map(([key]) => key),
        ...(checked.parts.datasets && !same(checked.parts.datasets, parts.datasets) ? ['datasets'] : []),
        ...(checked.parts.members && !same(checked.parts.members, parts.members) ? ['members'] : []),
      ];
      await lifecycle.audit('agreement.update', row, actor, null, {
        changed,
        ...(changed.includes('datasets') ? { datasets: checked.parts.datasets } : {}),
        ...(changed.includes('members') ? { members: checked.parts.members } : {}),
      });
      await lifecycle.settle((await repo.find(id))!, actor);
      return reload(id);
    },

    async terminate(actor: Actor, id: string, reason: string): Promise<AgreementView> {
      const row = await managed(actor, id);
      const why = (reason ?? '').trim();
      if (!why)
        throw agreementErrors.invalid([{ field: 'reason', message: 'say why the agreement ends early' }]);
      if (row.status === 'expired' || row.status === 'terminated') throw agreementErrors.closed(row.status);
      const at = deps.now().toISOString();
      const fields = { status: 'terminated', terminated_at: at, termination_reason: why, updated_at: at };
      if (!(await repo.transition(id, ['draft', 'active'], fields)))
        throw agreementErrors.closed((await repo.find(id))?.status ?? 'gone');
      const ended = { ...row, ...fields };
      await lifecycle.revokeAll(ended);
      await lifecycle.audit('agreement.terminate', ended, actor, why, { was: row.status });
      await lifecycle.tellBothSides(
        ended,
        (f) => agreementChangeMail(f, 'terminated', why),
        'agreement_terminated',
      );
      return reload(id);
    },
  };
}

export type AgreementsService = ReturnType<typeof agreementsService>;
