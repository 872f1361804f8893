/**
 * The audit log: an append-only record of staff actions, access decisions, key events and enforcement. Each
 * entry carries the hash of the entry before it, and its own hash covers its fields and that link, so editing or
 * deleting any entry breaks the chain from there on. The head (last seq and hash) is also kept in app_state, so
 * that cutting entries off the end is caught too. `plaza audit verify` walks the chain.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditLogTable } from '../../db/access-schema.js';
import type { Database } from '../../db/database.js';

export const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

export interface AuditEvent {
  /** What happened, as `noun.verb`: `dataset.publish`, `key.revoke`, `access_request.approve` ... */
  action: string;
  /** Who: an account id, or null for the system and the automation token. */
  actorId: string | null;
  /** Who, in words: an email, `admin token`, `system`. */
  actor: string;
  targetType?: string;
  targetId?: string;
  reason?: string | null;
  /** Where from: the client's address. */
  ip?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  hash: string;
}

type Row = Omit<AuditLogTable, 'seq'> & { seq: number };

/** The hash of an entry: SHA-256 over its fields in a fixed order and the hash before it. */
export function entryHash(row: Omit<Row, 'hash'>): string {
  const fields = [
    row.seq,
    row.at,
    row.actor_id ?? '',
    row.actor,
    row.action,
    row.target_type,
    row.target_id,
    row.reason ?? '',
    row.ip ?? '',
    row.details,
    row.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export const presentEntry = (row: Row): AuditEntry => ({
  seq: Number(row.seq),
  at: row.at,
  actorId: row.actor_id,
  actor: row.actor,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  reason: row.reason,
  ip: row.ip,
  details: JSON.parse(row.details) as Record<string, unknown>,
  hash: row.hash,
});

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** The first entry whose hash or link does not hold, and why. */
  broken?: { seq: number; problem: string };
  /** The last entry of an intact chain: kept elsewhere, its hash shows a later rewrite of the log. */
  last?: { seq: number; hash: string };
}

export function auditService({
  db,
  now = () => new Date(),
}: {
  db: Pick<Database, 'kysely' | 'adapter'>;
  now?: () => Date;
}) {
  const k = db.kysely;
  const postgres = db.adapter.name === 'postgres';
  // One append at a time in this process. Other processes (nodes, the command line) are ordered by the
  // database: an advisory lock on PostgreSQL; on SQLite a first statement that writes, so that the transaction
  // holds the write lock before it reads the tail (a deferred transaction that read first could not upgrade
  // once another process appended, and would fail instead of waiting).
  let tail: Promise<unknown> = Promise.resolve();

  async function append(event: AuditEvent): Promise<AuditEntry> {
    return k.transaction().execute(async (tx) => {
      if (postgres) await sql`SELECT pg_advisory_xact_lock(7270401)`.execute(tx);
      else await tx.updateTable('app_state').set({ key: HEAD_KEY }).where('key', '=', HEAD_KEY).execute();
      const last = await tx
        .selectFrom('audit_log')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const seq = (last ? Number(last.seq) : 0) + 1;
      const base = {
        seq,
        at: now().toISOString(),
        actor_id: event.actorId,
        actor: event.actor,
        action: event.action,
        target_type: event.targetType ?? '',
        target_id: event.targetId ?? '',
        reason: event.reason ?? null,
        ip: event.ip ?? null,
        details: JSON.stringify(event.details ?? {}),
        prev_hash: last?.hash ?? GENESIS,
      };
      const row: Row = { ...base, hash: entryHash(base) };
      await tx.insertInto('audit_log').values(row).execute();
      const head = JSON.stringify({ seq, hash: row.hash });
      await tx
        .insertInto('app_state')
        .values({ key: HEAD_KEY, value: head, updated_at: row.at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: head, updated_at: row.at }))
        .execute();
      return presentEntry(row);
    });
  }

  return {
    /** Appends an entry; resolves once it is committed. */
    record(event: AuditEvent): Promise<AuditEntry> {
      const next = tail.then(
        () => append(event),
        () => append(event),
      );
      tail = next.catch(() => undefined);
      return next;
    },

    /**
     * Walks the whole chain in order, a page at a time. The head is read first: entries appended while the walk
     * runs extend the chain past it and are checked like the others, never mistaken for a cut.
     */
    async verify(): Promise<VerifyResult> {
      const readHead = async () => {
        const row = await k
          .selectFrom('app_state')
          .select('value')
          .where('key', '=', HEAD_KEY)
          .executeTakeFirst();
        return row ? (JSON.parse(row.value) as { seq: number; hash: string }) : undefined;
      };
      const head = await readHead();
      let prev = GENESIS;
      let expectedSeq = 1;
      let entries = 0;
      let hashAtHead: string | undefined;
      for (;;) {
        const rows = await k
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '>=', expectedSeq)
          .orderBy('seq')
          .limit(1000)
          .execute();
        for (const raw of rows) {
          const row = { ...raw, seq: Number(raw.seq) };
          if (row.seq !== expectedSeq)
            return { ok: false, entries, broken: { seq: expectedSeq, problem: 'entry missing' } };
          if (row.prev_hash !== prev)
            return {
              ok: false,
              entries,
              broken: { seq: row.seq, problem: 'link to the previous entry broken' },
            };
          const { hash, ...rest } = row;
          if (entryHash(rest) !== hash)
            return { ok: false, entries, broken: { seq: row.seq, problem: 'entry altered' } };
          if (row.seq === head?.seq) hashAtHead = hash;
          prev = hash;
          expectedSeq += 1;
          entries += 1;
        }
        if (rows.length < 1000) break;
      }
      if (head) {
        if (entries < head.seq)
          return {
            ok: false,
            entries,
            broken: { seq: entries + 1, problem: `entries after ${entries} removed` },
          };
        if (hashAtHead !== head.hash)
          return { ok: false, entries, broken: { seq: head.seq, problem: 'entry replaced' } };
      } else if (entries > 0 && !(await readHead())) {
        // (A head written since it was read means the first entries were appended during the walk.)
        return { ok: false, entries, broken: { seq: entries, problem: 'head record missing' } };
      }
      return { ok: true, entries, ...(entries > 0 ? { last: { seq: entries, hash: prev } } : {}) };
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
