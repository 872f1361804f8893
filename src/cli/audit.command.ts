import { once } from 'node:events';
import { auditCsv } from '../access/audit/audit-csv.js';
import { parseAuditFilter } from '../access/audit/audit-filter.js';
import { auditQuery } from '../access/audit/audit-query.js';
import { auditService } from '../access/audit/audit.service.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../errors.js';
import type { Command } from './command.js';

const USAGE = `Usage: plaza audit <action> [options]

The audit log records staff actions, access decisions, key events and enforcement in a hash chain: each entry
holds the hash of the one before it, so an edited or deleted entry shows.

  plaza audit verify            check the whole chain: prints the number of entries and exits 0 when it is
                                intact, or prints the first broken entry and exits 1
  plaza audit export [filters]  write the entries as CSV to standard output, oldest first
                                (plaza audit export --from 2026-01-01 > audit.csv)

Filters of export (the same as the search at /staff/audit):
  --from <date|time>   from this day (in the city's time zone) or instant
  --to <date|time>     up to this day (included) or instant
  --action <action>    key.revoke, or key.* for every key action
  --actor <who>        an email or account id, "admin token" or "system"
  --target <id>        an id, or type:id
  --q <text>           text in the reason, details, actor or target`;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

export const auditCommand: Command = {
  usage: USAGE,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    action: { type: 'string' },
    actor: { type: 'string' },
    target: { type: 'string' },
    q: { type: 'string' },
  },
  async run({ config, values, positionals }) {
    const [action] = positionals;
    if (action !== 'verify' && action !== 'export') {
      console.error(USAGE);
      return 2;
    }
    let filter;
    try {
      filter = parseAuditFilter(
        {
          from: text(values.from),
          to: text(values.to),
          action: text(values.action),
          actor: text(values.actor),
          target: text(values.target),
          q: text(values.q),
        },
        config.timeZone,
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(`plaza audit ${action}: ${error.message}`);
      return 2;
    }
    const db = openDatabase(config);
    try {
      await migrateToLatest(db);
      if (action === 'verify') {
        const result = await auditService({ db }).verify();
        if (result.ok) {
          const count = `${result.entries} ${result.entries === 1 ? 'entry' : 'entries'}`;
          console.log(
            result.last
              ? `The audit log is intact: ${count}; the last, ${result.last.seq}, has the hash ${result.last.hash}.`
              : `The audit log is intact: ${count}.`,
          );
          return 0;
        }
        console.log(
          `The audit log is broken at entry ${result.broken!.seq}: ${result.broken!.problem}. ` +
            `${result.entries} ${result.entries === 1 ? 'entry before it is' : 'entries before it are'} intact.`,
        );
        return 1;
      }
      for await (const chunk of auditCsv(auditQuery(db).entries(filter))) await write(chunk);
      return 0;
    } finally {
      await db.close();
    }
  },
};
