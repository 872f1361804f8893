/** The quality reports' SQL: reports, their events, numbers and the rate limit's filings. No rules here. */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Schema } from '../../db/schema.js';
import type { ReportEventTable, ReportTable } from '../../db/reports-schema.js';

export type ReportRow = ReportTable;
export type EventRow = ReportEventTable;

export interface ReportFilter {
  /** Only reports of these datasets (the public lists: datasets whose data the public may read). */
  datasets?: readonly string[];
  /** Only reports of these departments (a steward's scope). */
  departments?: readonly string[];
  datasetId?: string;
  departmentId?: string;
  /** A status, or every open or every closed one. */
  status?: string;
  kind?: string;
  source?: string;
  createdFrom?: string;
  /** newest: newest first; queue: open ones first, then newest first; oldest: oldest first. */
  order: 'newest' | 'queue' | 'oldest';
}

const CLOSED = ['resolved', 'wont_fix'];

export function reportsRepo(db: Kysely<Schema>) {
  function filtered<O>(query: SelectQueryBuilder<Schema, 'reports', O>, f: ReportFilter) {
    let q = query;
    if (f.datasets)
      q = f.datasets.length ? q.where('dataset_id', 'in', [...f.datasets]) : q.where(sql<boolean>`1 = 0`);
    if (f.departments)
      q = f.departments.length
        ? q.where('department_id', 'in', [...f.departments])
        : q.where(sql<boolean>`1 = 0`);
    if (f.datasetId) q = q.where('dataset_id', '=', f.datasetId);
    if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
    if (f.status === 'open') q = q.where('status', 'not in', CLOSED);
    else if (f.status === 'closed') q = q.where('status', 'in', CLOSED);
    else if (f.status) q = q.where('status', '=', f.status);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.source) q = q.where('source', '=', f.source);
    if (f.createdFrom) q = q.where('created_at', '>=', f.createdFrom);
    return q;
  }

  return {
    /** The next number of a year: one atomic increment. */
    async nextSeq(year: number): Promise<number> {
      const row = await db
        .insertInto('reports_numbers')
        .values({ year, last: 1 })
        .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`reports_numbers.last + 1` }))
        .returning('last')
        .executeTakeFirstOrThrow();
      return Number(row.last);
    },

    async insert(row: ReportRow, event: EventRow): Promise<void> {
      await db.insertInto('reports').values(row).execute();
      await db.insertInto('report_events').values(event).execute();
    },

    async find(id: string): Promise<ReportRow | undefined> {
      return normalize(await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst());
    },

    async findByNumber(number: string): Promise<ReportRow | undefined> {
      return normalize(
        await db.selectFrom('reports').selectAll().where('number', '=', number).executeTakeFirst(),
      );
    },

    async findByToken(hash: string): Promise<ReportRow | undefined> {
      return normalize(
        await db.selectFrom('reports').selectAll().where('follow_token_hash', '=', hash).executeTakeFirst(),
      );
    },

    async events(reportId: string): Promise<EventRow[]> {
      return db
        .selectFrom('report_events')
        .selectAll()
        .where('report_id', '=', reportId)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },

    async addEvent(event: EventRow): Promise<void> {
      await db.insertInto('report_events').values(event).execute();
    },

    /** Changes a report; with `expectedStatus`, only while it still has the status it was read with. */
    async update(id: string, changes: Partial<ReportRow>, expectedStatus?: string): Promise<boolean> {
      let q = db.updateTable('reports').set(changes).where('id', '=', id);
      if (expectedStatus !== undefined) q = q.where('status', '=', expectedStatus);
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async list(
      filter: ReportFilter,
      page: { limit: number; offset: number },
    ): Promise<{ total: number; rows: ReportRow[] }> {
      const counted = await filtered(db.selectFrom('reports'), filter)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      let q = filtered(db.selectFrom('reports').selectAll(), filter);
      if (filter.order === 'queue')
        q = q
          .orderBy(sql`CASE WHEN status IN ('resolved', 'wont_fix') THEN 1 ELSE 0 END`)
          .orderBy('created_at', 'desc');
      else q = q.orderBy('created_at', filter.order === 'oldest' ? 'asc' : 'desc');
      const rows = await q.orderBy('number').limit(page.limit).offset(page.offset).execute();
      return { total: Number(counted.n), rows: rows.map((r) => normalize(r)!) };
    },

    /** Open reports naming these datastreams, oldest first. */
    async openOnDatastreams(ids: readonly number[]): Promise<ReportRow[]> {
      if (ids.length === 0) return [];
      // Open reports naming a datastream are few; a dataset's latest values may name thousands of datastreams.
      // Reading the few and filtering here beats sending thousands of parameters.
      const wanted = new Set(ids);
      const rows = await db
        .selectFrom('reports')
        .selectAll()
        .where('datastream_id', 'is not', null)
        .where('status', 'not in', CLOSED)
        .orderBy('created_at')
        .orderBy('number')
        .execute();
      return rows.filter((r) => wanted.has(Number(r.datastream_id))).map((r) => normalize(r)!);
    },

    /** The open automatic report of a datastream and fault kind. */
    async openFault(datastreamId: number, faultKind: string): Promise<ReportRow | undefined> {
      return normalize(
        await db
          .selectFrom('reports')
          .selectAll()
          .where('source', '=', 'automatic')
          .where('datastream_id', '=', datastreamId)
          .where('fault_kind', '=', faultKind)
          .where('closed_at', 'is', null)
          .executeTakeFirst(),
      );
    },

    async openFaults(): Promise<ReportRow[]> {
      const rows = await db
        .selectFrom('reports')
        .selectAll()
        .where('source', '=', 'automatic')
        .where('closed_at', 'is', null)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => normalize(r)!);
    },

    /** A datastream's name and dataset, when it exists. */
    async datastream(
      id: number,
    ): Promise<{ id: number; name: string; datasetId: string | null } | undefined> {
      const row = await db
        .selectFrom('sensor_datastreams as d')
        .innerJoin('sensor_things as t', 't.id', 'd.thing_id')
        .select(['d.id', 'd.name', 't.dataset_id'])
        .where('d.id', '=', id)
        .executeTakeFirst();
      return row && { id: Number(row.id), name: row.name, datasetId: row.dataset_id };
    },

    async datastreamNames(ids: readonly number[]): Promise<Map<number, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('sensor_datastreams')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute();
      return new Map(rows.map((r) => [Number(r.id), r.name]));
    },

    /** When this address filed within the last day; older entries are forgotten on the way. */
    async filingsOf(ipHash: string, now: Date): Promise<string[]> {
      const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
      await db.deleteFrom('reports_filings').where('at', '<', dayAgo).execute();
      const rows = await db
        .selectFrom('reports_filings')
        .select('at')
        .where('ip_hash', '=', ipHash)
        .where('at', '>=', dayAgo)
        .execute();
      return rows.map((r) => r.at);
    },

    async addFiling(ipHash: string, at: string): Promise<void> {
      await db.insertInto('reports_filings').values({ ip_hash: ipHash, at }).execute();
    },
  };
}

/** Integer columns come back as numbers in both dialects (PostgreSQL's int8 would not; these are int4). */
function normalize(row: ReportRow | undefined): ReportRow | undefined {
  return row && { ...row, datastream_id: row.datastream_id === null ? null : Number(row.datastream_id) };
}

export type ReportsRepo = ReturnType<typeof reportsRepo>;
