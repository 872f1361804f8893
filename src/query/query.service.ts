/**
 * Answers SoQL queries over datasets: checks who may read, plans the query against the live schema, compiles
 * it for the database in use, runs it under the time limit, and pages through the result without ever
 * cutting it silently.
 */
import type { Column } from '../catalog/catalog.schema.js';
import type { CatalogService, Viewer } from '../catalog/catalog.service.js';
import type { Dataset } from '../catalog/catalog.schema.js';
import type { Database } from '../db/database.js';
import { QueryTimeoutError } from '../db/query-runner.js';
import { AppError } from '../errors.js';
import type { QueryTarget, TablesService } from '../tables/tables.service.js';
import { decodeCursor, encodeCursor, queryDigest } from './cursor.js';
import { queryRefusal } from './database-errors.js';
import { rowDecoder, type JsonValue } from './decode.js';
import { planQuery } from './plan/plan.js';
import type { QueryPlan, QuerySchema, ValueType } from './plan/typed.js';
import type { SoqlQuery } from './soql/ast.js';
import { compileQuery, type CompiledQuery } from './sql/compile.js';
import { postgresSql } from './sql/postgres-sql.js';
import type { QuerySqlDialect } from './sql/sql-dialect.js';
import { sqliteSql } from './sql/sqlite-sql.js';

/** Rows in a page when the query names no `$limit`. */
export const DEFAULT_PAGE = 1_000;
/** Most rows in one JSON page; more are reached through `next`. */
export const MAX_PAGE = 50_000;

export interface QueryOptions {
  /** The `$$cursor` token of a `next` link. */
  cursor?: string | undefined;
  /** Also count every row of the result. */
  count?: boolean;
  /** Page size when the query has no `$limit`; null reads to the end (exports). */
  defaultLimit?: number | null;
  /** Largest page; null for none (exports stream). */
  maxLimit?: number | null;
}

export interface ResultColumn {
  name: string;
  type: ValueType;
}

export interface QueryResult {
  dataset: Dataset;
  columns: ResultColumn[];
  rows: JsonValue[][];
  /** Token for the next page, when more rows follow. */
  next: string | null;
  total?: number;
  /** The asked `$limit` was larger than one page allows. */
  capped: boolean;
  plan: QueryPlan;
  target: QueryTarget;
}

/** A query ready to run, with the validators a cache can use before it runs. */
export interface PreparedQuery {
  dataset: Dataset;
  target: QueryTarget;
  plan: QueryPlan;
  compiled: CompiledQuery;
  /** Changes with the data version and the query: an ETag. */
  etag: string;
}

function valueType(column: Column, geometryType: string | null): ValueType {
  if (column.type === 'geometry') return geometryType === 'Point' ? 'point' : 'geometry';
  return column.type as ValueType;
}

export function querySchema(target: QueryTarget): QuerySchema {
  return {
    columns: target.columns.map((c) => ({ field: c.field, type: valueType(c, target.geometryType) })),
  };
}

export function queryService(deps: {
  catalog: CatalogService;
  tables: TablesService;
  db: Database;
  timeZone: string;
  timeoutMs: number;
}) {
  const { catalog, tables, db } = deps;
  const dialect: QuerySqlDialect =
    db.adapter.name === 'postgres' ? postgresSql(deps.timeZone) : sqliteSql(deps.timeZone);

  async function run(sql: { sql: string; params: readonly unknown[] }): Promise<unknown[][]> {
    try {
      return await db.queries.select(sql, deps.timeoutMs);
    } catch (error) {
      if (error instanceof QueryTimeoutError) {
        throw new AppError(
          'query.timeout',
          504,
          `The query took longer than ${deps.timeoutMs} ms and was stopped; narrow it with $where, or ask for fewer groups.`,
          { timeoutMs: deps.timeoutMs },
        );
      }
      throw queryRefusal(error) ?? error;
    }
  }

  return {
    dialect,

    /** Checks access and plans a query; nothing runs yet. */
    async prepare(
      datasetId: string,
      query: SoqlQuery,
      viewer: Viewer,
      filters: Readonly<Record<string, string>> = {},
    ): Promise<PreparedQuery> {
      const dataset = await catalog.getReadable(datasetId, viewer);
      const target = await tables.queryTarget(dataset.id);
      const plan = planQuery(query, querySchema(target), { timeZone: deps.timeZone, filters });
      const textColumns = target.columns.filter((c) => c.type === 'text').map((c) => c.field);
      const compiled = compileQuery(
        plan,
        { table: target.table, textColumns, indexed: target.indexed },
        dialect,
      );
      const etag = `"${dataset.id}-${target.tag}-q${queryDigest(plan)}"`;
      return { dataset, target, plan, compiled, etag };
    },

    /** Runs one page of a prepared query. */
    async page(prepared: PreparedQuery, options: QueryOptions = {}): Promise<QueryResult> {
      const { plan, compiled, target } = prepared;
      const digest = queryDigest(plan);
      const defaultLimit = options.defaultLimit === undefined ? DEFAULT_PAGE : options.defaultLimit;
      const maxLimit = options.maxLimit === undefined ? MAX_PAGE : options.maxLimit;
      const asked = plan.limit ?? defaultLimit;
      const limit = asked === null ? maxLimit : maxLimit === null ? asked : Math.min(asked, maxLimit);
      const capped = asked !== null && limit !== null && asked > limit;

      let offset = plan.offset;
      let afterId: number | null = null;
      if (options.cursor) {
        const cursor = decodeCursor(options.cursor, { tag: target.tag, query: digest });
        if (cursor.afterId !== undefined) {
          afterId = cursor.afterId;
          offset = 0;
        } else offset = cursor.offset ?? 0;
      }
      // One row more than the page tells whether another page follows.
      const rows = await run(compiled.page({ limit: limit === null ? null : limit + 1, offset, afterId }));
      let next: string | null = null;
      if (limit === 0) {
        // `$limit=0` asks for the columns alone: no rows, and no page to follow.
        rows.length = 0;
      } else if (limit !== null && rows.length > limit) {
        rows.length = limit;
        const last = rows[rows.length - 1]!;
        next = compiled.keyset
          ? encodeCursor({ tag: target.tag, query: digest, afterId: Number(last[last.length - 1]) })
          : encodeCursor({ tag: target.tag, query: digest, offset: offset + limit });
      }
      const decode = rowDecoder(plan.columns, db.adapter);
      const result: QueryResult = {
        dataset: prepared.dataset,
        columns: plan.columns.map((c) => ({ name: c.name, type: c.type })),
        rows: rows.map(decode),
        next,
        capped,
        plan,
        target,
      };
      if (options.count) result.total = await this.count(prepared);
      return result;
    },

    /**
     * Streams the whole result (its `$limit` and `$offset` applied, no page cap) in batches, from one snapshot:
     * for CSV and GeoJSON exports of any size.
     */
    async *stream(prepared: PreparedQuery): AsyncIterable<JsonValue[][]> {
      const { plan, compiled } = prepared;
      const decode = rowDecoder(plan.columns, db.adapter);
      const query = compiled.page({ limit: plan.limit, offset: plan.offset });
      for await (const batch of db.adapter.stream(query)) yield batch.map(decode);
    },

    /**
     * The whole result as CSV lines (no header), printed by the database when it can (far faster), else
     * null: the caller formats `stream` batches.
     */
    csvLines(prepared: PreparedQuery): AsyncIterable<Uint8Array> | null {
      const { plan, compiled } = prepared;
      if (!compiled.csvBatch || !db.adapter.csvPages) return null;
      return db.adapter.csvPages(compiled.csvBatch, { limit: plan.limit, offset: plan.offset });
    },

    /** Rows in the whole result (before `$limit` and `$offset`); the cached count when nothing filters. */
    async count(prepared: PreparedQuery): Promise<number> {
      const { plan, target } = prepared;
      if (!plan.where && plan.search.length === 0 && !plan.grouped && !plan.distinct) return target.rowCount;
      const rows = await run(prepared.compiled.count());
      return Number(rows[0]?.[0] ?? 0);
    },
  };
}

export type QueryService = ReturnType<typeof queryService>;
