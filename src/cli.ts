import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { AppError } from './errors.js';
import type { Command } from './cli/command.js';
import { commands } from './cli/commands.js';

const USAGE = `Usage: plaza <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "plaza <command> --help" for a command's options. Configuration comes from PLAZA_* variables (see README).`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  const entry = commands[name];
  if (!entry) {
    console.error(`plaza: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const command: Command = await entry.load();
  const parsed = parseArgs({
    args: rest,
    options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (parsed.values.help) {
    console.log(command.usage);
    return 0;
  }
  return command.run({ config: loadConfig(), values: parsed.values, positionals: parsed.positionals });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`plaza: configuration: ${error.message}`);
    else if (error instanceof AppError) console.error(`plaza: ${error.code}: ${error.message}`);
    else if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`plaza: ${error.message}. Run "plaza ${process.argv[2]} --help".`);
    } else console.error(error);
    process.exitCode = error instanceof AppError || error instanceof ConfigError ? 1 : 70;
  },
);
