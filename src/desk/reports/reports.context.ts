/**
 * What the reports' parts share: the repo, the catalog and the access module (users, outbox, audit), and the
 * lookups that turn rows into what a viewer sees (reports.present.ts does the shaping).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditService } from '../../access/audit/audit.service.js';
import type { OutboxService } from '../../access/mail/outbox.service.js';
import type { UsersService } from '../../access/users/users.service.js';
import type { CatalogService } from '../../catalog/catalog.service.js';
import { PUBLIC_VIEWER } from '../../catalog/visibility.js';
import type { Schema } from '../../db/schema.js';
import { AppError, reportErrors } from '../../errors.js';
import type { Mail, MailFacts } from './reports.mails.js';
import type { ReportRow, ReportsRepo } from './reports.repo.js';
import { NUMBER, worksOn, type StaffViewer } from './reports.rules.js';
import type { ReportViewer } from './reports.types.js';

const SALT_KEY = 'reports.ip_salt';

export interface ReportsContext {
  db: Kysely<Schema>;
  repo: ReportsRepo;
  publicUrl: string;
  cityName: string;
  catalog: Pick<CatalogService, 'get' | 'accessOf' | 'readableIds' | 'departments'>;
  users: Pick<UsersService, 'get' | 'list'>;
  outbox: Pick<OutboxService, 'enqueue'>;
  audit: Pick<AuditService, 'record'>;
  now(): Date;
}

export function reportsHelpers(ctx: ReportsContext) {
  // Department names change rarely and the catalog computes its departments from every dataset: lists share
  // one lookup for a few seconds.
  let names: { at: number; map: Promise<Map<string, string>> } | undefined;
  async function departmentNames(needed: Iterable<string> = []): Promise<(id: string) => string> {
    const at = Date.now();
    const cached = names && (await names.map.catch(() => undefined));
    const missing = !cached || [...needed].some((id) => !cached.has(id));
    if (!names || missing || at - names.at > 5_000) {
      const map = ctx.catalog
        .departments({ admin: true })
        .then((all) => new Map(all.map((d) => [d.id, d.name])));
      names = { at, map };
      map.catch(() => (names = undefined));
    }
    const map = await names.map;
    return (id) => map.get(id) ?? id;
  }

  /** Titles of datasets (any state: the report exists, so its reporter once saw the dataset). */
  async function datasetTitles(ids: Iterable<string>): Promise<(id: string) => string> {
    const titles = new Map<string, string>();
    for (const id of new Set(ids)) {
      try {
        titles.set(id, (await ctx.catalog.get(id, { admin: true })).title);
      } catch (error) {
        if (!(error instanceof AppError && error.status === 404)) throw error;
      }
    }
    return (id) => titles.get(id) ?? id;
  }

  /** Whether the public may read the data of these datasets: only then are their reports public. */
  async function publicDatasets(): Promise<Set<string>> {
    return ctx.catalog.readableIds(PUBLIC_VIEWER);
  }

  async function isPublic(datasetId: string): Promise<boolean> {
    try {
      return (await ctx.catalog.accessOf(datasetId, PUBLIC_VIEWER)).readable;
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return false;
      throw error;
    }
  }

  async function userName(id: string | null): Promise<string | null> {
    if (!id) return null;
    try {
      const user = await ctx.users.get(id);
      return user.name || user.email;
    } catch {
      return 'former staff member';
    }
  }

  /** A report by id or number; report.not_found when there is none. */
  async function load(idOrNumber: string): Promise<ReportRow> {
    const row = NUMBER.test(idOrNumber)
      ? await ctx.repo.findByNumber(idOrNumber)
      : await ctx.repo.find(idOrNumber);
    if (!row) throw reportErrors.notFound(idOrNumber);
    return row;
  }

  /**
   * A report that this member of staff works on: its department's stewards and admins. Anyone else gets
   * report.not_found, as if it did not exist (another department's reports are not theirs to see).
   */
  async function forStaff(
    idOrNumber: string,
    viewer: ReportViewer,
  ): Promise<{ row: ReportRow; staff: StaffViewer }> {
    if (viewer.kind !== 'staff') throw reportErrors.forbidden('This is done by city staff.');
    const row = await load(idOrNumber);
    if (!worksOn(viewer, row.department_id)) throw reportErrors.notFound(idOrNumber);
    return { row, staff: viewer };
  }

  /** The active stewards of a department, who hear of its sensor faults. */
  async function stewardsOf(departmentId: string): Promise<{ id: string; email: string; name: string }[]> {
    const staff = await ctx.users.list('staff');
    return staff
      .filter(
        (u) =>
          u.status === 'active' && u.roles.some((r) => r.role === 'steward' && r.department === departmentId),
      )
      .map((u) => ({ id: u.id, email: u.email, name: u.name }));
  }

  async function facts(row: ReportRow): Promise<MailFacts> {
    const [department, title, stream] = await Promise.all([
      departmentNames([row.department_id]),
      datasetTitles([row.dataset_id]),
      row.datastream_id === null ? undefined : ctx.repo.datastream(row.datastream_id),
    ]);
    return {
      cityName: ctx.cityName,
      number: row.number,
      datasetTitle: title(row.dataset_id),
      datastreamName: stream?.name ?? null,
      departmentName: department(row.department_id),
    };
  }

  const followUrl = (token: string) => `${ctx.publicUrl}/reports/follow/${token}`;
  const publicPath = (number: string) => `/reports/${number}`;
  const publicUrl = (number: string) => `${ctx.publicUrl}${publicPath(number)}`;
  const staffUrl = (number: string) => `${ctx.publicUrl}/staff/reports/${number}`;

  async function send(to: string, mail: Mail, kind: string): Promise<void> {
    await ctx.outbox.enqueue({ to, ...mail, kind });
  }

  /** Mails the reporter, when they gave an address. */
  async function toReporter(row: ReportRow, mail: Mail, kind: string): Promise<void> {
    if (row.email) await send(row.email, mail, kind);
  }

  async function audit(
    viewer: ReportViewer | 'system',
    action: string,
    row: Pick<ReportRow, 'id' | 'number'>,
    details: Record<string, unknown> = {},
    reason?: string | null,
  ): Promise<void> {
    const staff = viewer !== 'system' && viewer.kind === 'staff' ? viewer : undefined;
    await ctx.audit.record({
      action,
      actorId: staff?.userId || null,
      actor: staff
        ? staff.name
        : viewer === 'system'
          ? 'system'
          : viewer.kind === 'reporter'
            ? 'reporter'
            : 'anonymous',
      targetType: 'quality_report',
      targetId: row.id,
      reason: reason ?? null,
      ip: staff?.ip ?? null,
      details: { number: row.number, ...details },
    });
  }

  // The salt of the addresses' hashes: random, made once per installation, never shown.
  let salt: Promise<string> | undefined;
  async function readSalt(): Promise<string> {
    await ctx.db
      .insertInto('app_state')
      .values({ key: SALT_KEY, value: randomBytes(32).toString('hex'), updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await ctx.db
      .selectFrom('app_state')
      .select('value')
      .where('key', '=', SALT_KEY)
      .executeTakeFirstOrThrow();
    return row.value;
  }
  /** The salted hash of a client address: the rate limit counts it; the address itself is never stored. */
  async function ipHash(ip: string): Promise<string> {
    salt ??= readSalt().catch((error: unknown) => {
      salt = undefined;
      throw error;
    });
    return createHmac('sha256', await salt)
      .update(ip)
      .digest('hex');
  }

  return {
    departmentNames,
    datasetTitles,
    publicDatasets,
    isPublic,
    userName,
    load,
    forStaff,
    stewardsOf,
    facts,
    followUrl,
    publicPath,
    publicUrl,
    staffUrl,
    send,
    toReporter,
    audit,
    ipHash,
  };
}

export type ReportsHelpers = ReturnType<typeof reportsHelpers>;
