/**
 * Stewardship: the watches (metadata completeness, freshness, silent sensor feeds), the daily digests, the staff
 * list of notices and the public note of a withdrawn dataset. Runs are serialized in this process, so that a
 * scheduled pass and one called directly (the command line, tests) never judge the same notices at once; across
 * nodes the notices' unique index and conditional updates keep each step done once.
 */
import type { createAccess } from '../../access/access.js';
import type { CatalogService } from '../../catalog/catalog.service.js';
import type { City } from '../../city/city.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Sensors } from '../../sensors/sensors.js';
import type { ReportsDesk } from '../reports/reports.types.js';
import type { StatusService } from '../status/status.service.js';
import { sendDigests } from './digests.js';
import { watchFreshness, watchSilentFeeds } from './freshness-watch.js';
import { watchMetadata } from './metadata-watch.js';
import { policyOf } from './policy.js';
import { problemsOf, recipients, snapshot, type WatchContext } from './stewardship.context.js';
import { stewardshipRepo, type NoticeRow } from './stewardship.repo.js';
import type {
  DigestRun,
  NoticeKind,
  NoticeQuery,
  NoticeState,
  NoticeViewer,
  StewardNotice,
  WatchRun,
  WithdrawalNote,
} from './stewardship.types.js';

export interface StewardshipDeps {
  db: Database;
  config: Config;
  city: City;
  catalog: CatalogService;
  access: ReturnType<typeof createAccess>;
  sensors: Sensors;
  reports: ReportsDesk;
  status: StatusService;
  now?: () => Date;
}

const byDataset = (rows: readonly NoticeRow[], kind: NoticeKind) =>
  new Map(rows.filter((r) => r.kind === kind).map((r) => [r.dataset_id, r]));

export function createStewardship(deps: StewardshipDeps) {
  const now = deps.now ?? (() => new Date());
  const repo = stewardshipRepo(deps.db);
  const policy = policyOf(deps.city);
  const ctx: WatchContext = {
    repo,
    catalog: deps.catalog,
    access: deps.access,
    reports: deps.reports,
    sensors: deps.sensors,
    policy,
    timeZone: deps.config.timeZone,
    publicUrl: deps.config.publicUrl,
    cityContact: deps.city.contactEmail,
  };

  let tail: Promise<unknown> = Promise.resolve();
  function serialized<T>(job: () => Promise<T>): Promise<T> {
    const next = tail.then(job, job);
    tail = next.catch(() => undefined);
    return next;
  }

  return {
    policy,

    /** One pass of every watch at `at`: metadata, freshness, silent sensor feeds. */
    runWatch(at: Date = now()): Promise<WatchRun> {
      return serialized(async () => {
        const run: WatchRun = {
          at: at.toISOString(),
          opened: 0,
          escalated: 0,
          resolved: 0,
          withdrawn: 0,
          republished: 0,
          silentFeeds: 0,
        };
        const [{ datasets }, unresolved] = await Promise.all([snapshot(ctx), repo.unresolved()]);
        const people = recipients(ctx);
        await watchMetadata(ctx, datasets, byDataset(unresolved, 'metadata'), people, at, run);
        await watchFreshness(ctx, datasets, byDataset(unresolved, 'freshness'), people, at, run);
        run.silentFeeds = await watchSilentFeeds(ctx, at);
        return run;
      });
    },

    /** The daily digests due at `at` (once per department and local day, from the city's digest hour). */
    sendDigests(at: Date = now()): Promise<DigestRun> {
      return serialized(() => sendDigests(ctx, at));
    },

    /** Notices for staff: admins see every department's, stewards their own departments'. Newest first. */
    async notices(viewer: NoticeViewer, query: NoticeQuery = {}): Promise<StewardNotice[]> {
      const rows = await repo.list({
        ...query,
        ...(viewer.admin ? {} : { departments: viewer.departments }),
      });
      const titles = new Map((await deps.catalog.all({ admin: true })).map((d) => [d.id, d.title]));
      return rows.map((row) => present(row, titles.get(row.dataset_id) ?? row.dataset_id));
    },

    /**
     * The public note of a dataset the watch withdrew and has not republished: undefined for any other dataset,
     * and for a non-public one (whose existence the public may not learn).
     */
    async withdrawal(idOrSlug: string): Promise<WithdrawalNote | undefined> {
      const dataset = await deps.catalog.get(idOrSlug, { admin: true }).catch(() => undefined);
      if (!dataset || dataset.status !== 'unpublished' || dataset.access_level === 'non-public')
        return undefined;
      const notice = await repo.withdrawal(dataset.id);
      if (!notice?.withdrawn_at) return undefined;
      const department = (await deps.catalog.departments({ admin: true })).find(
        (d) => d.id === dataset.department.id,
      );
      return {
        dataset: { id: dataset.id, title: dataset.title },
        department: {
          id: dataset.department.id,
          name: dataset.department.name,
          email: department?.email ?? null,
          phone: department?.phone ?? null,
        },
        withdrawnAt: notice.withdrawn_at,
      };
    },
  };
}

function present(row: NoticeRow, title: string): StewardNotice {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    datasetTitle: title,
    departmentId: row.department_id,
    kind: row.kind as NoticeKind,
    state: row.state as NoticeState,
    problems: problemsOf(row),
    issuedAt: row.issued_at,
    dueAt: row.due_at,
    escalatedAt: row.escalated_at,
    resolvedAt: row.resolved_at,
    withdrawnAt: row.withdrawn_at,
    republishedAt: row.republished_at,
  };
}

export type StewardshipService = ReturnType<typeof createStewardship>;
