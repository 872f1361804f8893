/** The sensors module's services, wired: the one place inside the module that knows who depends on whom. */
import type { Database } from '../db/database.js';
import { devicesRepo } from './devices.repo.js';
import { devicesService } from './devices.service.js';
import { ingestService } from './ingest.service.js';
import { modelRepo } from './model.repo.js';
import { modelService } from './model.service.js';
import { qcIngest } from './qc/qc-ingest.js';
import { qcRepo } from './qc/qc.repo.js';
import { sensorQc } from './qc/qc.service.js';

export function createSensors({
  db,
  timeZone,
  warn,
  qc: qcEnabled = true,
  now,
}: {
  db: Database;
  timeZone: string;
  warn?: (message: string, details: Record<string, unknown>) => void;
  /** Quality control on ingest (on unless the server is configured without it). */
  qc?: boolean;
  /** The clock of receipt when a caller gives none (tests set it; the real clock otherwise). */
  now?: () => Date;
}) {
  const model = modelService({ repo: modelRepo(db.kysely) });
  const qcReads = qcRepo(db.kysely);
  const qc = sensorQc({ enabled: qcEnabled, repo: qcReads });
  const ingest = ingestService({
    store: db.observations,
    model,
    timeZone,
    warn,
    ...(now && { now: () => now().getTime() }),
    ...(qcEnabled && { qc: { judge: qcIngest({ qc, repo: qcReads }), emit: (fault) => qc.emit(fault) } }),
  });
  const devices = devicesService({
    repo: devicesRepo(db.kysely),
    thingExists: (id) => model.thingExists(id),
  });
  return { model, ingest, devices, qc };
}

export type Sensors = ReturnType<typeof createSensors>;
