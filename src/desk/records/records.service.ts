/**
 * The records desk's rules: implements RecordsDesk (records.types.ts) over the desk's tables, the legal clock
 * (src/desk/deadlines), the catalog (departments, datasets) and the access module (staff accounts, the mail
 * outbox, the audit log). Each part lives in its own file; this one wires them.
 */
import type { Access } from '../../access/access.js';
import type { CatalogService } from '../../catalog/catalog.service.js';
import type { City } from '../../city/city.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { calendarOf } from '../deadlines/deadlines.js';
import { deskHelpers, type DeskContext } from './records.context.js';
import { decisions } from './records.decisions.js';
import { fileStore, RECORDS_MAX_FILE_BYTES, type FileStore } from './records.files.js';
import { filing } from './records.filing.js';
import type { Clerk } from './records.notices.js';
import { reading } from './records.reading.js';
import { releases } from './records.releases.js';
import { reminders } from './records.reminders.js';
import { recordsRepo } from './records.repo.js';
import type { RecordsDesk } from './records.types.js';
import { working } from './records.working.js';

export interface RecordsDeskDeps {
  db: Pick<Database, 'kysely'>;
  config: Pick<Config, 'dataDir' | 'publicUrl' | 'timeZone' | 'maxUploadBytes'>;
  city: City;
  catalog: Pick<CatalogService, 'get' | 'departments' | 'departmentExists' | 'mayEdit'>;
  access: Pick<Access, 'users' | 'outbox' | 'audit'>;
  /** The clock of every method called without `now` (tests pass `now` to the methods instead). */
  now?: () => Date;
}

/** Where the desk keeps its files, with its upload limit (the smaller of the portal's and the desk's own). */
export function deskFileStore(config: Pick<Config, 'dataDir' | 'maxUploadBytes'>): FileStore {
  return fileStore(config.dataDir, Math.min(config.maxUploadBytes, RECORDS_MAX_FILE_BYTES));
}

/** The Clerk's office as notices name it: from the city's records settings, or a plain default. */
export function clerkOf(city: City): Clerk {
  return (
    city.records?.clerk ?? { name: 'Office of the City Clerk', title: 'City Clerk', email: city.contactEmail }
  );
}

export function createRecordsDesk(deps: RecordsDeskDeps): RecordsDesk {
  const ctx: DeskContext = {
    db: deps.db.kysely,
    repo: recordsRepo(deps.db.kysely),
    store: deskFileStore(deps.config),
    clock: {
      calendar: calendarOf(deps.city, deps.config.timeZone),
      dueSoonDays: deps.city.records?.dueSoonDays ?? 3,
      reconsiderationDays: deps.city.records?.reconsiderationDays ?? 30,
    },
    publicUrl: deps.config.publicUrl,
    cityName: deps.city.name,
    clerk: clerkOf(deps.city),
    catalog: deps.catalog,
    users: deps.access.users,
    outbox: deps.access.outbox,
    audit: deps.access.audit,
    now: deps.now ?? (() => new Date()),
  };
  const h = deskHelpers(ctx);
  return {
    ...filing(ctx, h),
    ...reading(ctx, h),
    ...working(ctx, h),
    ...releases(ctx, h),
    ...decisions(ctx, h),
    ...reminders(ctx, h),
  };
}
