import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';
import { migrateCommand } from './migrate.command.js';
import { serveCommand } from './serve.command.js';

export interface CommandContext {
  config: Config;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Resolves to the exit code, or -1 for a command that keeps running (a server). */
  run(context: CommandContext): Promise<number>;
}

export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
};
