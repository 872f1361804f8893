import { buildApp } from '../app.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Command } from './command.js';
import { seedDemo } from './demo-seed.js';

export const seedCommand: Command = {
  usage: `Usage: plaza seed [--force]

Creates the demo departments and datasets and imports their synthetic data. Runs by itself on the first
"plaza serve"; --force runs it again, adding whatever is missing.`,
  options: { force: { type: 'boolean' } },
  async run({ config, values }) {
    const db = openDatabase(config);
    await migrateToLatest(db);
    const { http, services } = await buildApp({ ...config, logLevel: 'warn' }, db);
    try {
      const seeded = await seedDemo(services, config, { force: values.force === true });
      if (!seeded) console.error('The demo is already seeded; use --force to add anything missing.');
      return 0;
    } finally {
      await http.close();
      await db.close();
    }
  },
};
