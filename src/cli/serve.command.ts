import { buildApp } from '../app.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Command } from './command.js';
import { seedDemo } from './demo-seed.js';

export const serveCommand: Command = {
  usage: `Usage: plaza serve [--no-seed]

Serves the portal on PLAZA_PORT (8080). Creates PLAZA_DATA_DIR (./data), migrates the database and seeds the
Westminster demo on first start unless --no-seed or PLAZA_SEED_DEMO=false.`,
  options: { 'no-seed': { type: 'boolean' } },
  async run({ config, values }) {
    const db = openDatabase(config);
    await migrateToLatest(db);
    const { http, services } = await buildApp(config, db);
    if (config.seedDemo && !values['no-seed']) await seedDemo(services, config);
    const close = async () => {
      await http.close();
      await db.close();
    };
    process.once('SIGINT', () => void close());
    process.once('SIGTERM', () => void close());
    await http.listen({ port: config.port, host: config.host });
    http.log.info(`Plaza is serving ${config.publicUrl} from ${db.description}`);
    return -1;
  },
};
