import { buildApp } from '../app.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { startSensorDemo } from '../sensors/simulator/sensor-demo.js';
import type { Command } from './command.js';
import { seedDemo, seedDemoSensors } from './demo-seed.js';

export const serveCommand: Command = {
  usage: `Usage: plaza serve [--no-seed]

Serves the portal on PLAZA_PORT (8080). Creates PLAZA_DATA_DIR (./data), migrates the database and seeds the
Westminster demo on first start unless --no-seed or PLAZA_SEED_DEMO=false. Once it listens, the demo's
sensor history is backfilled in the background and its simulated devices publish live over MQTT
(PLAZA_SIMULATE=0 keeps them quiet).`,
  options: { 'no-seed': { type: 'boolean' } },
  async run({ config, values }) {
    const db = openDatabase(config);
    await migrateToLatest(db);
    const { http, services, live } = await buildApp(config, db);
    const seeding = config.seedDemo && !values['no-seed'];
    // The sensor network is created once the portal answers: it is not needed for the first page.
    if (seeding) await seedDemo(services, config, { sensors: false });
    let stopSensors = async (): Promise<void> => undefined;
    const close = async () => {
      await stopSensors();
      await http.close();
      await db.close();
    };
    process.once('SIGINT', () => void close());
    process.once('SIGTERM', () => void close());
    try {
      await http.listen({ port: config.port, host: config.host });
    } catch (error) {
      // A port in use, say: let go of the database and the broker, and exit with the reason.
      http.log.fatal({ err: error }, `cannot listen on ${config.host}:${config.port}`);
      await close();
      return 1;
    }
    http.log.info(`Plaza is serving ${config.publicUrl} from ${db.description}`);
    try {
      if (seeding) await seedDemoSensors(services, { say: (line) => http.log.info(line.trim()) });
      const sensorDemo = await startSensorDemo({
        services,
        config,
        broker: live.mqtt,
        simulate: config.simulate,
        log: http.log,
      });
      stopSensors = async () => sensorDemo.stop();
    } catch (error) {
      // The portal goes on serving without the demo's sensors; the next start tries again.
      http.log.error({ err: error }, 'the demo sensors did not start');
    }
    return -1;
  },
};
