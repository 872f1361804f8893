import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Command } from './command.js';

export const migrateCommand: Command = {
  usage: 'Usage: plaza migrate\n\nApplies pending migrations to the configured database.',
  options: {},
  async run({ config }) {
    const db = openDatabase(config);
    try {
      const applied = await migrateToLatest(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
      return 0;
    } finally {
      await db.close();
    }
  },
};
