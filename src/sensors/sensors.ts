/** The sensors module's services, wired: the one place inside the module that knows who depends on whom. */
import type { Database } from '../db/database.js';
import { devicesRepo } from './devices.repo.js';
import { devicesService } from './devices.service.js';
import { ingestService } from './ingest.service.js';
import { modelRepo } from './model.repo.js';
import { modelService } from './model.service.js';

export function createSensors({
  db,
  timeZone,
  warn,
}: {
  db: Database;
  timeZone: string;
  warn?: (message: string, details: Record<string, unknown>) => void;
}) {
  const model = modelService({ repo: modelRepo(db.kysely) });
  const ingest = ingestService({ store: db.observations, model, timeZone, warn });
  const devices = devicesService({
    repo: devicesRepo(db.kysely),
    thingExists: (id) => model.thingExists(id),
  });
  return { model, ingest, devices };
}

export type Sensors = ReturnType<typeof createSensors>;
