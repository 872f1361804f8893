import type { Command } from './command.js';

interface CommandEntry {
  summary: string;
  /** Commands load on demand, so that `plaza import` does not pay for the HTTP server's modules. */
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  serve: {
    summary: 'run the portal (HTTP server); migrates and seeds the demo on first start',
    load: async () => (await import('./serve.command.js')).serveCommand,
  },
  migrate: {
    summary: 'bring the database schema up to date',
    load: async () => (await import('./migrate.command.js')).migrateCommand,
  },
  import: {
    summary: 'import a CSV, GeoJSON or NDJSON file into a dataset',
    load: async () => (await import('./import.command.js')).importCommand,
  },
  devices: {
    summary: 'issue, list, rotate and revoke device tokens of sensor Things',
    load: async () => (await import('./devices.command.js')).devicesCommand,
  },
  simulate: {
    summary: "run the demo's simulated sensor devices (MQTT publishers with their own tokens)",
    load: async () => (await import('./simulate.command.js')).simulateCommand,
  },
  users: {
    summary: 'create staff accounts (the first admin), list accounts, set roles, reset passwords',
    load: async () => (await import('./users.command.js')).usersCommand,
  },
  audit: {
    summary: 'verify the audit log hash chain, or export it as CSV',
    load: async () => (await import('./audit.command.js')).auditCommand,
  },
  seed: {
    summary: 'seed the Westminster demo (skips what exists)',
    load: async () => (await import('./seed.command.js')).seedCommand,
  },
};
