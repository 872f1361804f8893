import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';

export interface CommandContext {
  config: Config;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Resolves to the exit code, or -1 for a command that keeps running (a server). */
  run(context: CommandContext): Promise<number>;
}
