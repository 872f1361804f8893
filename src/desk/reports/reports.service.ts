/**
 * Quality reports: implements ReportsDesk (reports.types.ts) over the reports' tables, the catalog (datasets,
 * departments, who may see what) and the access module (staff accounts, the mail outbox, the audit log). Each
 * part lives in its own file; this one wires them.
 */
import type { createAccess } from '../../access/access.js';
import type { CatalogService } from '../../catalog/catalog.service.js';
import type { City } from '../../city/city.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Sensors } from '../../sensors/sensors.js';
import { reportsHelpers, type ReportsContext } from './reports.context.js';
import { faults } from './reports.faults.js';
import { filing } from './reports.filing.js';
import { presenter } from './reports.present.js';
import { reading } from './reports.reading.js';
import { reportsRepo } from './reports.repo.js';
import type { ReportsDesk } from './reports.types.js';
import { working } from './reports.working.js';

export interface ReportsDeskDeps {
  db: Pick<Database, 'kysely'>;
  config: Pick<Config, 'publicUrl'>;
  city: Pick<City, 'name'>;
  catalog: Pick<CatalogService, 'get' | 'accessOf' | 'readableIds' | 'departments'>;
  access: Pick<ReturnType<typeof createAccess>, 'users' | 'outbox' | 'audit'>;
  /** Not needed yet: datastreams are read from the sensors' tables; kept for the wiring's stable shape. */
  sensors?: Sensors;
  /** The clock of every method called without `now`. */
  now?: () => Date;
}

export function createReportsDesk(deps: ReportsDeskDeps): ReportsDesk {
  const ctx: ReportsContext = {
    db: deps.db.kysely,
    repo: reportsRepo(deps.db.kysely),
    publicUrl: deps.config.publicUrl,
    cityName: deps.city.name,
    catalog: deps.catalog,
    users: deps.access.users,
    outbox: deps.access.outbox,
    audit: deps.access.audit,
    now: deps.now ?? (() => new Date()),
  };
  const h = reportsHelpers(ctx);
  const present = presenter(ctx.repo, h);
  return {
    ...filing(ctx, h, present),
    ...reading(ctx, h, present),
    ...working(ctx, h, present),
    ...faults(ctx, h),
  };
}
