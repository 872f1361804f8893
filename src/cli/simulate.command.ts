import { resolve } from 'node:path';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { sensorNetwork } from '../demo/sensors/network.js';
import { parsePlan } from '../sensors/simulator/backfill-plan.js';
import { mqttLink } from '../sensors/simulator/device-links.js';
import { BACKFILL_STATE, SIMULATOR_STATE, networkIds } from '../sensors/simulator/network-seed.js';
import { localBroker, tokensFile } from '../sensors/simulator/sensor-demo.js';
import { startSimulator } from '../sensors/simulator/simulator.js';
import { ensureTokens, readTokens, simulatorLabel, type TokensFile } from '../sensors/simulator/tokens.js';
import { createSensors } from '../sensors/sensors.js';
import { appState, type AppState } from '../db/app-state.js';
import type { Command, CommandContext } from './command.js';

const HOUR = 3_600_000;

/** `90s`, `15m`, `2h`, `1d` → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * { s: 1000, m: 60_000, h: HOUR, d: 24 * HOUR }[match[2] as 's' | 'm' | 'h' | 'd'];
}

/** A mistake in the command's use: told on stderr, exit status 2. */
class UsageError extends Error {}

const fail = (message: string): never => {
  throw new UsageError(message);
};

export const simulateCommand: Command = {
  usage: `Usage: plaza simulate [--broker mqtt://host:1883] [--speed N] [--since DURATION] [--once]
                      [--tokens FILE | --write-tokens FILE]

Runs the demo's sensor devices: each Thing of the seeded Westminster network publishes its observations over
MQTT (QoS 1, "v1.1/Datastreams({id})/Observations") with its own device token, with the faults real feeds
have. "plaza serve" runs them by itself; set PLAZA_SIMULATE=0 there when running this command instead.

  --broker URL          the broker (default: the local embedded one, mqtt://127.0.0.1:PLAZA_MQTT_PORT)
  --speed N             simulated seconds per second while catching up with now (default: as fast as the
                        broker acknowledges)
  --since DURATION      start this far back (like 30m, 2h; at most 7d) instead of where the simulation
                        stopped last time
  --once                send what is due up to now, then exit
  --tokens FILE         device tokens and datastream ids from FILE (made by --write-tokens): no database
                        access, for a remote broker
  --write-tokens FILE   issue a token for every device of the network in the database (PLAZA_DATABASE_URL or
                        PLAZA_DATA_DIR), write them to FILE (mode 0600) and exit

Without --tokens the devices' tokens are kept in PLAZA_DATA_DIR/simulator-tokens.json, issued on first use.`,
  options: {
    broker: { type: 'string' },
    speed: { type: 'string' },
    since: { type: 'string' },
    once: { type: 'boolean' },
    tokens: { type: 'string' },
    'write-tokens': { type: 'string' },
  },
  async run(context) {
    try {
      return await simulate(context);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(`plaza simulate: ${error.message}`);
      return 2;
    }
  },
};

async function simulate({ config, values }: CommandContext): Promise<number> {
  const speed = values.speed === undefined ? Infinity : Number(values.speed);
  if (!(speed >= 1)) fail('--speed must be a number of 1 or more');
  const since = values.since === undefined ? undefined : parseDuration(String(values.since));
  if (values.since !== undefined && (since === undefined || since > 7 * 24 * HOUR)) {
    fail('--since takes a duration like 90s, 30m, 2h or 1d, at most 7d');
  }
  const log = {
    info: (message: string) => console.error(message),
    warn: (details: Record<string, unknown>, message: string) =>
      console.error(`${message} ${JSON.stringify(details)}`),
  };

  let db: Database | undefined;
  let state: AppState | undefined;
  let tokens: TokensFile;
  try {
    if (values.tokens !== undefined) {
      const file = resolve(String(values.tokens));
      tokens =
        (await readTokens(file)) ?? fail(`${file} is not a tokens file; write one with --write-tokens`);
    } else {
      db = openDatabase(config);
      await migrateToLatest(db);
      state = appState(db);
      const plan = parsePlan(await state.get(BACKFILL_STATE));
      if (!plan) fail('no demo sensor network in this database: run "plaza seed" (or "plaza serve") first');
      const network = sensorNetwork({ seed: plan!.seed, scale: plan!.scale });
      const sensors = createSensors({ db, timeZone: config.timeZone });
      const ids = await networkIds(db);
      const target = values['write-tokens'];
      const file = target === undefined ? tokensFile(config) : resolve(String(target));
      tokens = await ensureTokens(
        sensors.devices,
        network,
        ids,
        file,
        simulatorLabel(file, target === undefined),
      );
      if (target !== undefined) {
        console.error(`Wrote tokens of ${tokens.devices.length} devices to ${resolve(String(target))}.`);
        return 0;
      }
    }
    const network = sensorNetwork({ seed: tokens.seed, scale: tokens.scale });
    const now = Date.now();
    const recorded = Number((await state?.get(SIMULATOR_STATE)) ?? 0) || 0;
    // Resume where the simulation stopped, within a day; further back is the backfill's job.
    const from = since !== undefined ? now - since : recorded > now - 24 * HOUR ? recorded : now;
    const url =
      values.broker === undefined ? localBroker('127.0.0.1', config.mqttPort) : String(values.broker);
    const link = mqttLink({ url, log });
    let last = Date.now();
    const simulator = startSimulator({
      network,
      credentials: tokens.devices,
      link,
      from,
      speed,
      once: values.once === true,
      log,
      onProgress: async (at) => {
        if (Date.now() - last < 10_000) return;
        last = Date.now();
        await state?.set(SIMULATOR_STATE, String(at));
        const { sent, failed } = simulator.status();
        log.info(
          `simulated up to ${new Date(at).toISOString()}: ${sent} messages acknowledged, ${failed} not`,
        );
      },
    });
    log.info(`simulating ${tokens.devices.length} devices from ${new Date(from).toISOString()} to ${url}`);
    const stop = async () => {
      // Messages still waiting for their PUBACK are given up on; the devices would send them again.
      const stopping = simulator.stop();
      await link.close();
      await stopping;
      await state?.set(SIMULATOR_STATE, String(simulator.status().at));
      await db?.close();
    };
    if (values.once) {
      await simulator.done;
      const { sent, failed } = simulator.status();
      log.info(`sent ${sent} messages (${failed} not acknowledged)`);
      await stop();
      return failed > 0 ? 1 : 0;
    }
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    return -1;
  } catch (error) {
    await db?.close();
    throw error;
  }
}
