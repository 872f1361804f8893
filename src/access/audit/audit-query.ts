/**
 * Reading the audit log: a filtered search, newest first, paged by sequence number (keyset: a page never shifts
 * when entries are appended), and the same filter walked oldest first for exports.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Schema } from '../../db/schema.js';
import { presentEntry, type AuditEntry } from './audit.service.js';
import type { AuditFilter } from './audit-filter.js';

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 500;
const EXPORT_CHUNK = 1000;

export interface AuditPage {
  entries: AuditEntry[];
  /** The cursor of the next (older) page, or null on the last one. */
  next: string | null;
}

type AuditSelect = SelectQueryBuilder<Schema, 'audit_log', object>;

/** `%`, `_` and the escape character itself taken literally in a LIKE pattern (escape `!`). */
const likeLiteral = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

function applyFilter(query: AuditSelect, filter: AuditFilter): AuditSelect {
  let q = query;
  const { action, actor, target, from, to, text } = filter;
  if (action?.kind === 'exact') q = q.where('action', '=', action.value);
  // Every action of a noun: `key.` up to (not including) `key/`, the character after the dot.
  if (action?.kind === 'prefix')
    q = q.where('action', '>=', action.value).where('action', '<', `${action.value.slice(0, -1)}/`);
  if (actor !== undefined) q = q.where((eb) => eb.or([eb('actor_id', '=', actor), eb('actor', '=', actor)]));
  if (target?.type !== undefined) q = q.where('target_type', '=', target.type);
  if (target !== undefined) q = q.where('target_id', '=', target.id);
  if (from !== undefined) q = q.where('at', '>=', from);
  if (to !== undefined) q = q.where('at', '<', to);
  if (text !== undefined) {
    const pattern = `%${likeLiteral(text.toLowerCase())}%`;
    const like = (column: string) =>
      sql<boolean>`lower(coalesce(${sql.ref(column)}, '')) LIKE ${pattern} ESCAPE '!'`;
    q = q.where((eb) =>
      eb.or([like('actor'), like('action'), like('target_id'), like('reason'), like('details'), like('ip')]),
    );
  }
  return q;
}

export function auditQuery(db: Pick<Database, 'kysely'>) {
  const k = db.kysely;
  const base = (): AuditSelect => k.selectFrom('audit_log') as AuditSelect;

  return {
    /** One page of entries matching the filter, newest first, older than the cursor when one is given. */
    async search(filter: AuditFilter, page: { cursor?: number; limit?: number } = {}): Promise<AuditPage> {
      const limit = Math.min(PAGE_MAX, Math.max(1, page.limit ?? PAGE_DEFAULT));
      const rows = await applyFilter(base(), filter)
        .selectAll()
        .$if(page.cursor !== undefined, (q) => q.where('seq', '<', page.cursor!))
        .orderBy('seq', 'desc')
        .limit(limit + 1)
        .execute();
      const entries = rows.slice(0, limit).map((row) => presentEntry({ ...row, seq: Number(row.seq) }));
      const more = rows.length > limit;
      return { entries, next: more ? String(entries[entries.length - 1]!.seq) : null };
    },

    /** The latest entries about any of some targets (an account and its keys), newest first. */
    async history(targets: readonly { type: string; id: string }[], limit = 100): Promise<AuditEntry[]> {
      if (targets.length === 0) return [];
      const rows = await base()
        .selectAll()
        .where((eb) =>
          eb.or(targets.map((t) => eb.and([eb('target_type', '=', t.type), eb('target_id', '=', t.id)]))),
        )
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => presentEntry({ ...row, seq: Number(row.seq) }));
    },

    /** Every entry matching the filter, oldest first, read a chunk at a time (for exports). */
    async *entries(filter: AuditFilter): AsyncGenerator<AuditEntry> {
      let after = 0;
      for (;;) {
        const rows = await applyFilter(base(), filter)
          .selectAll()
          .where('seq', '>', after)
          .orderBy('seq')
          .limit(EXPORT_CHUNK)
          .execute();
        for (const row of rows) yield presentEntry({ ...row, seq: Number(row.seq) });
        if (rows.length < EXPORT_CHUNK) return;
        after = Number(rows[rows.length - 1]!.seq);
      }
    },
  };
}

export type AuditQuery = ReturnType<typeof auditQuery>;
