/**
 * What the desk's parts share: the repo, the file store, the clock, the city's Clerk, the access module's
 * outbox and audit log, and the lookups that turn rows into what a viewer sees.
 */
import type { Kysely } from 'kysely';
import type { AuditService } from '../../access/audit/audit.service.js';
import type { OutboxService } from '../../access/mail/outbox.service.js';
import type { UsersService } from '../../access/users/users.service.js';
import type { CatalogService } from '../../catalog/catalog.service.js';
import { PUBLIC_VIEWER } from '../../catalog/visibility.js';
import type { Schema } from '../../db/schema.js';
import { AppError, recordsErrors } from '../../errors.js';
import type { FileStore } from './records.files.js';
import type { Clerk, Mail, NoticeContext } from './records.notices.js';
import { detailOf, type Clock, type Lookups } from './records.present.js';
import { recordsRepo, type RecordsRepo, type RequestParts, type RequestRow } from './records.repo.js';
import { sightOf, worksOn, type Sight, type StaffViewer } from './records.rules.js';
import type { DeskViewer, RequestDetail } from './records.types.js';

const NUMBER = /^R\d{2}-\d{4,}$/;

export interface DeskContext {
  db: Kysely<Schema>;
  repo: RecordsRepo;
  store: FileStore;
  clock: Clock;
  publicUrl: string;
  cityName: string;
  clerk: Clerk;
  catalog: Pick<CatalogService, 'get' | 'departments' | 'departmentExists' | 'mayEdit'>;
  users: Pick<UsersService, 'get'>;
  outbox: Pick<OutboxService, 'enqueue'>;
  audit: Pick<AuditService, 'record'>;
  now(): Date;
}

export interface Loaded {
  row: RequestRow;
  parts: RequestParts;
}

/** The desk's shared helpers, over its context. */
export function deskHelpers(ctx: DeskContext) {
  // Department names change rarely and the catalog computes its departments from every dataset: every list
  // and page of the desk shares one lookup for a few seconds.
  let names: { at: number; map: Promise<Map<string, string>> } | undefined;
  let cached = new Map<string, string>();
  async function departmentNames(needed: Iterable<string> = []): Promise<(id: string) => string> {
    const at = Date.now();
    const missing = names ? [...needed].some((id) => !cached.has(id)) : true;
    if (!names || missing || at - names.at > 5_000) {
      const map = ctx.catalog
        .departments({ admin: true })
        .then((all) => (cached = new Map(all.map((d) => [d.id, d.name]))));
      names = { at, map };
      map.catch(() => (names = undefined));
    }
    const map = await names.map;
    return (id) => map.get(id) ?? id;
  }

  async function datasetTitle(id: string, staff: boolean): Promise<string | undefined> {
    try {
      return (await ctx.catalog.get(id, staff ? { admin: true } : PUBLIC_VIEWER)).title;
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return undefined;
      throw error;
    }
  }

  async function userNames(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of ids) {
      try {
        const user = await ctx.users.get(id);
        names.set(id, user.name || user.email);
      } catch {
        names.set(id, 'former staff member');
      }
    }
    return names;
  }

  /** A request by id or number; records.not_found when there is none. */
  async function load(idOrNumber: string): Promise<Loaded> {
    const row = NUMBER.test(idOrNumber)
      ? await ctx.repo.findByNumber(idOrNumber)
      : await ctx.repo.find(idOrNumber);
    if (!row) throw recordsErrors.notFound(idOrNumber);
    return { row, parts: await ctx.repo.parts(row.id) };
  }

  const sight = (viewer: DeskViewer, { row, parts }: Loaded): Sight =>
    sightOf(viewer, { id: row.id, published: row.published === 1, departments: parts.departments });

  /** The request as this viewer sees it (records.not_found when they may not). */
  async function present(
    loaded: Loaded,
    viewer: DeskViewer,
    now: Date,
    options: { followToken?: string } = {},
  ): Promise<RequestDetail> {
    const seen = sight(viewer, loaded);
    if (seen === 'none') throw recordsErrors.notFound(loaded.row.id);
    const staff = seen === 'staff';
    const { row, parts } = loaded;
    const [departmentName, users] = await Promise.all([
      departmentNames(parts.departments),
      userNames(staff ? parts.assignees : []),
    ]);
    const datasets: { id: string; title: string }[] = [];
    for (const id of parts.datasets) {
      const title = await datasetTitle(id, staff);
      if (title !== undefined) datasets.push({ id, title });
    }
    const shown = new Set<string>();
    for (const d of parts.documents)
      if (d.dataset_id !== null && !staff && (await datasetTitle(d.dataset_id, false)) !== undefined)
        shown.add(d.dataset_id);
    const apiBase = `/api/v1/records-requests`;
    const lookups: Lookups = {
      departmentName,
      userName: (id) => users.get(id) ?? id,
      datasets,
      showsDataset: (id) => shown.has(id),
      fileUrl: (fileId) =>
        seen === 'requester'
          ? options.followToken
            ? `${apiBase}/follow/${options.followToken}/files/${fileId}`
            : undefined
          : `${apiBase}/${row.id}/files/${fileId}`,
    };
    return detailOf(row, parts, seen, lookups, ctx.clock, now);
  }

  /**
   * A request that this member of staff works on: records.not_found when they may not see it, records.forbidden
   * when they see it only as the public does (another department's published request).
   */
  async function forStaff(id: string, viewer: DeskViewer): Promise<Loaded & { staff: StaffViewer }> {
    if (viewer.kind !== 'staff') throw recordsErrors.forbidden('This is done by city staff.');
    const loaded = await load(id);
    if (!worksOn(viewer, loaded.parts.departments)) {
      if (sight(viewer, loaded) === 'none') throw recordsErrors.notFound(id);
      throw recordsErrors.forbidden(
        `Request ${loaded.row.number} belongs to other departments: the Clerk or their staff work on it.`,
      );
    }
    return { ...loaded, staff: viewer };
  }

  /** The request of the requester viewing it; records.not_found for anyone else. */
  async function forRequester(id: string, viewer: DeskViewer): Promise<Loaded> {
    if (viewer.kind !== 'requester' || viewer.requestId !== id) throw recordsErrors.notFound(id);
    return load(id);
  }

  function refuseClosed(row: RequestRow): void {
    if (row.status === 'closed') throw recordsErrors.closed(row.number);
  }

  const followUrl = (token: string) => `${ctx.publicUrl}/records/follow/${token}`;
  const staffUrl = (id: string) => `${ctx.publicUrl}/staff/records/${id}`;
  /** What notices say about the sender (the requester's private link is known only when filing). */
  const notice = (followToken?: string): NoticeContext => ({
    cityName: ctx.cityName,
    clerk: ctx.clerk,
    ...(followToken !== undefined && { followUrl: followUrl(followToken) }),
  });

  /** Mails the requester, when they gave an address. */
  async function toRequester(row: RequestRow, mail: Mail, kind: string): Promise<void> {
    if (row.requester_email) await ctx.outbox.enqueue({ to: row.requester_email, ...mail, kind });
  }

  async function audit(
    viewer: DeskViewer,
    action: string,
    row: Pick<RequestRow, 'id' | 'number'>,
    details: Record<string, unknown> = {},
    reason?: string | null,
  ): Promise<void> {
    const staff = viewer.kind === 'staff' ? viewer : undefined;
    await ctx.audit.record({
      action,
      actorId: staff?.userId || null,
      actor: staff ? staff.name : viewer.kind === 'requester' ? 'requester' : 'anonymous',
      targetType: 'records_request',
      targetId: row.id,
      reason: reason ?? null,
      ip: staff?.ip ?? null,
      details: { number: row.number, ...details },
    });
  }

  return {
    departmentNames,
    load,
    sight,
    present,
    forStaff,
    forRequester,
    refuseClosed,
    followUrl,
    staffUrl,
    notice,
    toRequester,
    audit,
  };
}

export type DeskHelpers = ReturnType<typeof deskHelpers>;

export { recordsRepo };
