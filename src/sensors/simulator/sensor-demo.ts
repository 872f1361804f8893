/**
 * The demo's sensors inside `plaza serve`: the history is backfilled in the background while the portal
 * already answers, and the simulated devices publish live over the embedded MQTT broker from where the
 * history ends. After a pause longer than a quarter hour the missed time goes to the backfill (fast, straight
 * to ingest) and the devices resume at now; a shorter one the devices catch up themselves.
 */
import { join } from 'node:path';
import type { Config } from '../../config.js';
import { sensorNetwork } from '../../demo/sensors/network.js';
import type { Services } from '../../services.js';
import { MINUTE } from '../time.js';
import { startBackfill, type Backfill, type BackfillLog } from './backfill.js';
import { parsePlan, withGap } from './backfill-plan.js';
import { ingestLink, mqttLink, type DeviceLink } from './device-links.js';
import { BACKFILL_STATE, SIMULATOR_STATE, networkIds } from './network-seed.js';
import { startSimulator, type Simulator } from './simulator.js';
import { ensureTokens, simulatorLabel } from './tokens.js';

/** Longest pause the devices catch up on by themselves (over MQTT); longer ones are backfilled. */
const CATCH_UP = 15 * MINUTE;
/** How often the live position is recorded. */
const RECORD_EVERY = 30_000;

export interface SensorDemoLog extends BackfillLog {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface SensorDemo {
  backfill: Backfill | undefined;
  simulator: Simulator | undefined;
  stop(): Promise<void>;
}

/** The file the in-process simulator keeps its device tokens in. */
export const tokensFile = (config: Pick<Config, 'dataDir'>) => join(config.dataDir, 'simulator-tokens.json');

/** The address to reach a local broker at from this process. */
export function localBroker(host: string, port: number): string {
  const local = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `mqtt://${local.includes(':') ? `[${local}]` : local}:${port}`;
}

export async function startSensorDemo({
  services,
  config,
  broker,
  simulate,
  log,
}: {
  services: Services;
  config: Pick<Config, 'dataDir' | 'host'>;
  /** The embedded broker, when there is one. */
  broker: { listen(): Promise<number> } | undefined;
  simulate: boolean;
  log: SensorDemoLog;
}): Promise<SensorDemo> {
  const { state } = services;
  let plan = parsePlan(await state.get(BACKFILL_STATE));
  if (!plan) return { backfill: undefined, simulator: undefined, stop: async () => undefined };
  const network = sensorNetwork({ seed: plan.seed, scale: plan.scale });
  const ids = await networkIds(services.db);

  let simulator: Simulator | undefined;
  let link: DeviceLink | undefined;
  if (simulate) {
    const recorded = Number(await state.get(SIMULATOR_STATE)) || 0;
    const livePoint = Math.max(plan.liveFrom, recorded);
    const now = Math.floor(Date.now() / MINUTE) * MINUTE;
    let from = livePoint;
    if (now - livePoint > CATCH_UP) {
      plan = withGap(plan, livePoint, now);
      await state.set(BACKFILL_STATE, JSON.stringify(plan));
      from = now;
    }
    const file = tokensFile(config);
    const credentials = await ensureTokens(
      services.sensors.devices,
      network,
      ids,
      file,
      simulatorLabel(file, true),
    );
    const port = await broker?.listen().catch((error: unknown) => {
      log.error(
        { err: error },
        'the simulated devices cannot reach the MQTT broker; they write through ingest',
      );
      return undefined;
    });
    link =
      port === undefined
        ? ingestLink({ ingest: services.sensors.ingest, devices: services.sensors.devices })
        : mqttLink({ url: localBroker(config.host, port), log });
    let recordedAt = Date.now();
    simulator = startSimulator({
      network,
      credentials: credentials.devices,
      link,
      from,
      log,
      onProgress: async (at) => {
        if (Date.now() - recordedAt < RECORD_EVERY) return;
        recordedAt = Date.now();
        await state.set(SIMULATOR_STATE, String(at));
      },
    });
    log.info(
      `sensor simulator: ${credentials.devices.length} devices publishing ${port === undefined ? 'through ingest' : `over MQTT on port ${port}`}`,
    );
  }
  const backfill = startBackfill({
    ingest: services.sensors.ingest,
    state,
    network,
    datastreams: ids.datastreams,
    log,
  });

  return {
    backfill,
    simulator,
    async stop() {
      // Messages still waiting for their PUBACK are given up on; the devices would send them again.
      const stopping = simulator?.stop();
      await link?.close();
      await stopping;
      if (simulator) await state.set(SIMULATOR_STATE, String(simulator.status().at));
      await backfill.stop();
    },
  };
}
