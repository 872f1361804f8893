import type { Config } from './config.js';
import { catalogRepo } from './catalog/catalog.repo.js';
import { catalogService } from './catalog/catalog.service.js';
import { appState } from './db/app-state.js';
import type { Database } from './db/database.js';
import { dataTableRepo } from './tables/data-table.repo.js';
import { queryService } from './query/query.service.js';
import { importService } from './tables/import/import.service.js';
import { tablesRepo } from './tables/tables.repo.js';
import { createSensors } from './sensors/sensors.js';
import { searchIndexer } from './tables/search-indexer.js';
import { tablesService } from './tables/tables.service.js';
import { createAccess } from './access/access.js';
import { loadCity } from './city/city.js';
import { createRecordsDesk } from './desk/records/records.service.js';
import { createReportsDesk } from './desk/reports/reports.service.js';
import { createStatusBoard } from './desk/status/status.service.js';
import { createStewardship } from './desk/stewardship/stewardship.service.js';

/** Wires the modules' services together: the one place that knows who depends on whom. */
/** Where services report what operators should see (Fastify's logger in the server). */
export interface ServiceLog {
  warn(details: Record<string, unknown>, message: string): void;
}

export function createServices(
  config: Config,
  db: Database,
  log?: ServiceLog,
  /** Cross-node signals of the access module (Redis for a server with PLAZA_REDIS_URL); in-process otherwise. */
  options: {
    signals?: Parameters<typeof createAccess>[0]['signals'];
    /** The clock of services that judge time when no instant is given (tests set it; the real clock otherwise). */
    now?: () => Date;
  } = {},
) {
  const tablesRepository = tablesRepo(db);
  const dataTables = dataTableRepo(db);
  const indexer = searchIndexer({ repo: tablesRepository, tables: dataTables });
  const tables = tablesService(tablesRepository, dataTables, indexer);
  const sensors = createSensors({
    db,
    timeZone: config.timeZone,
    warn: (message, details) => log?.warn(details, message),
    qc: config.qc,
    now: options.now,
  });
  const catalog = catalogService({
    repo: catalogRepo(db),
    data: tables.dataStates,
    liveUpdates: () => sensors.ingest.liveUpdates(),
    publicUrl: config.publicUrl,
  });
  const imports = importService({
    repo: tablesRepository,
    tables: dataTables,
    datasetExists: (id) => catalog.exists(id),
    timeZone: config.timeZone,
    searchIndexes: indexer,
  });
  const queries = queryService({
    catalog,
    tables,
    db,
    timeZone: config.timeZone,
    timeoutMs: config.queryTimeoutMs,
  });
  const access = createAccess({
    config,
    db,
    departmentExists: (id) => catalog.departmentExists(id),
    signals: options.signals,
  });
  const city = loadCity(config.cityDir, { name: config.cityName });
  const desk = createRecordsDesk({ db, config, city, catalog, access });
  const reports = createReportsDesk({ db, config, city, catalog, access, sensors });
  // A datastream that starts or stops failing opens or closes its automatic report; a failure to record it is
  // logged, never the ingest's error.
  sensors.qc.onFault((fault) => {
    reports
      .sensorFault(fault)
      .catch((error: unknown) => log?.warn({ err: error, fault }, 'sensor fault not recorded'));
  });
  const status = createStatusBoard({ catalog, sensors, reports, now: options.now });
  const stewardship = createStewardship({ db, config, city, catalog, access, sensors, reports, status });
  return {
    db,
    state: appState(db),
    catalog,
    tables,
    imports,
    queries,
    sensors,
    access,
    desk,
    reports,
    status,
    stewardship,
  };
}

export type Services = ReturnType<typeof createServices>;
