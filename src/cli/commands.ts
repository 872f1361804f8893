import type { Command } from './command.js';
import { importCommand } from './import.command.js';
import { migrateCommand } from './migrate.command.js';
import { seedCommand } from './seed.command.js';
import { serveCommand } from './serve.command.js';

export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  import: importCommand,
  seed: seedCommand,
};
