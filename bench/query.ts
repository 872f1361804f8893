/**
 * The query targets, on a data folder that holds the imported `bench-rows` dataset (1,000,000 rows with points):
 *
 *   filter   `$where` selective + `$order` + `$limit=100`, via the query service   <= 1.5x the same hand-written SQL
 *   group    count per category per month, via the query service                 <= 1.5x the same hand-written SQL
 *   circle   `within_circle` 500 m around random points, first page             p50 < 20 ms in the service
 *   cursor   the page at row 900,000 through the `next` cursor                   <= 2x the first page
 *   csv      GET query.csv of a 500,000-row result                               <= 1.5x `sqlite3 -csv` on that SQL
 *
 * The hand-written SQL runs on its own read-only connection in this process (the engine alone); ours goes
 * through parse, check, compile, the reader thread and decoding. Standalone: `npx tsx bench/query.ts` imports
 * the generated file once (`--rows N`, default 1,000,000) and then measures.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { openSqlite } from '../src/db/sqlite-dialect.js';
import { encodeCursor, queryDigest } from '../src/query/cursor.js';
import { buildQuery, type QueryParams } from '../src/query/soql/parser.js';
import { createServices } from '../src/services.js';
import { generateCsv } from './generate.js';
import { httpRead, median, runProcess } from './measure.js';
import { createDataset, DATASET, importFile, ROOT, startServer } from './portal.js';
import { passes, table, type Measure } from './report.js';

const say = (line: string) => process.stdout.write(`${line}\n`);
const ADMIN = { admin: true };

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [(performance.now() - started) / 1000, result];
}

/** Alternating pairs (AB BA ...); the median of per-pair ratios. */
async function pairs(runs: number, ours: () => Promise<number>, baseline: () => Promise<number>) {
  const list: { ours: number; baseline: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const first = i % 2 === 0;
    const a = first ? await ours() : 0;
    const b = await baseline();
    const c = first ? a : await ours();
    list.push({ ours: c, baseline: b });
  }
  return {
    ours: median(list.map((p) => p.ours)),
    baseline: median(list.map((p) => p.baseline)),
    ratio: median(list.map((p) => p.ours / p.baseline)),
    runs: list,
  };
}

/**
 * Builds the search indexes of the imported table as a server does after a large import (in the background,
 * on a worker thread), timing a geo query before them; run before the download so that the download is
 * measured on an idle server.
 */
export async function buildSearchIndexes(
  dataDir: string,
): Promise<{ seconds: number; circleBefore: number }> {
  const config = loadConfig({ PLAZA_DATA_DIR: dataDir, PLAZA_SEED_DEMO: 'false', PLAZA_LOG_LEVEL: 'silent' });
  const db = openDatabase(config);
  try {
    const services = createServices(config, db);
    const query = buildQuery({ where: 'within_circle(location, 33.75, -117.99, 500)' });
    const before: number[] = [];
    for (let i = 0; i < 5; i++) {
      before.push(
        (
          await time(async () => services.queries.page(await services.queries.prepare(DATASET, query, ADMIN)))
        )[0],
      );
    }
    const started = performance.now();
    await services.tables.indexer.start();
    await services.tables.indexer.idle();
    return { seconds: (performance.now() - started) / 1000, circleBefore: median(before) };
  } finally {
    await db.close();
  }
}

export interface QueryBench {
  measures: Measure[];
  details: Record<string, unknown>;
}

/** Measures the query targets on `dataDir` (SQLite, the embedded default). */
export async function queryBench(dataDir: string, runs = 7): Promise<QueryBench> {
  const config = loadConfig({ PLAZA_DATA_DIR: dataDir, PLAZA_SEED_DEMO: 'false', PLAZA_LOG_LEVEL: 'silent' });
  const db = openDatabase(config);
  const services = createServices(config, db);
  const file = join(dataDir, 'plaza.sqlite');
  const raw = openSqlite(file, { readonly: true });
  const measures: Measure[] = [];
  const details: Record<string, unknown> = {};
  try {
    const target = await services.tables.queryTarget(DATASET);
    const t = `"${target.table}"`;
    const columns = target.columns.map((c) => `"${c.field}"`).join(', ');
    const service = async (params: QueryParams, cursor?: string) => {
      const prepared = await services.queries.prepare(DATASET, buildQuery(params), ADMIN);
      return services.queries.page(prepared, { cursor });
    };
    const handWritten = (sql: string, ...params: unknown[]) => {
      const statement = raw.prepare(sql).raw(true);
      return async () => (await time(async () => statement.all(...params)))[0];
    };

    say('Query: selective filter + order + $limit=100');
    const filter = {
      where: "category = 'Solar PV' AND valuation > 200000",
      order: 'valuation DESC',
      limit: '100',
    };
    const filterRows = (await service(filter)).rows.length;
    const filtered = await pairs(
      runs,
      async () => (await time(() => service(filter)))[0],
      handWritten(
        `SELECT ${columns} FROM ${t} WHERE category = ? AND valuation > ? ORDER BY valuation DESC, _id LIMIT 100`,
        'Solar PV',
        200000,
      ),
    );
    measures.push({
      measure: 'query: filter + order + limit 100',
      unit: 's',
      ...pick(filtered),
      target: '<= 1.5x',
      limit: { on: 'ratio', max: 1.5, inclusive: true },
    });

    say('Query: count per category per month');
    const group = {
      select: 'category, date_trunc_ym(issued_date) AS month, count(*) AS n',
      group: 'category, month',
      limit: '50000',
    };
    const groups = (await service(group)).rows.length;
    const grouped = await pairs(
      runs,
      async () => (await time(() => service(group)))[0],
      handWritten(
        `SELECT category, substr(issued_date, 1, 7) || '-01' AS month, count(*) FROM ${t} GROUP BY category, month`,
      ),
    );
    measures.push({
      measure: 'query: group by category, month',
      unit: 's',
      ...pick(grouped),
      target: '<= 1.5x',
      limit: { on: 'ratio', max: 1.5, inclusive: true },
    });

    say('Query: within_circle 500 m, first page (50 places)');
    const next = random(7);
    const circleTimes: number[] = [];
    const circleRows: number[] = [];
    for (let i = 0; i < 55; i++) {
      const lat = (33.72 + next() * 0.07).toFixed(5);
      const lon = (-118.04 + next() * 0.11).toFixed(5);
      const [seconds, result] = await time(() =>
        service({ where: `within_circle(location, ${lat}, ${lon}, 500)` }),
      );
      if (i >= 5) {
        circleTimes.push(seconds);
        circleRows.push(result.rows.length);
      }
    }
    const p50 = median(circleTimes);
    measures.push({
      measure: 'query: within_circle 500 m (p50)',
      unit: 's',
      ours: p50,
      baseline: 0.02,
      ratio: p50 / 0.02,
      target: 'p50 < 20 ms',
      limit: { on: 'ours', max: 0.02, inclusive: false },
    });

    say('Query: page at row 900,000 through the cursor vs the first page');
    const pageParams = { limit: '1000' };
    const prepared = await services.queries.prepare(DATASET, buildQuery(pageParams), ADMIN);
    const deep = encodeCursor({ tag: target.tag, query: queryDigest(prepared.plan), afterId: 900_000 });
    const deepFirstId = (await service(pageParams, deep)).rows.length;
    const paging = await pairs(
      runs * 3,
      async () => (await time(() => service(pageParams, deep)))[0],
      async () => (await time(() => service(pageParams)))[0],
    );
    measures.push({
      measure: 'query: page at row 900,000 vs first',
      unit: 's',
      ...pick(paging),
      target: '<= 2.0x',
      limit: { on: 'ratio', max: 2, inclusive: true },
    });

    say('Query: CSV of a 500,000-row result over HTTP vs sqlite3 -csv');
    const server = await startServer(dataDir);
    const csvLines: number[] = [];
    let baselineLines = 0;
    try {
      const search = new URLSearchParams({
        $select: 'permit_number, category, valuation, issued_date',
        $where: 'valuation < 125000',
      });
      const url = `${server.url}/api/v1/datasets/${DATASET}/query.csv?${search.toString()}`;
      const sql = `SELECT permit_number, category, valuation, issued_date FROM ${t} WHERE valuation < 125000 ORDER BY _id`;
      const csv = await pairs(
        Math.max(3, Math.ceil(runs / 2)),
        async () => {
          const read = await httpRead(url);
          if (read.status !== 200) throw new Error(`GET ${url} answered ${read.status}`);
          csvLines.push(read.lines);
          return read.seconds;
        },
        async () => {
          const run = await runProcess('sqlite3', ['-csv', '-header', '-readonly', file, sql], {
            countStdout: true,
          });
          baselineLines = run.counted?.lines ?? 0;
          return run.seconds;
        },
      );
      measures.push({
        measure: 'query: CSV of 500,000-row result',
        unit: 's',
        ...pick(csv),
        target: '<= 1.5x',
        limit: { on: 'ratio', max: 1.5, inclusive: true },
      });
    } finally {
      await server.stop();
    }
    Object.assign(details, {
      filter: { soql: filter, rows: filterRows, runs: filtered.runs },
      group: { soql: group, groups, runs: grouped.runs },
      circle: { rows_p50: median(circleRows), seconds: circleTimes },
      cursor: { rows: deepFirstId, runs: paging.runs },
      csv: { lines: csvLines, baseline_lines: baselineLines },
    });
    if (csvLines.some((n) => n !== baselineLines))
      throw new Error(`CSV lines differ: ${csvLines} vs ${baselineLines}`);
  } finally {
    raw.close();
    await db.close();
  }
  return { measures, details };
}

function pick(r: { ours: number; baseline: number; ratio: number }) {
  return { ours: r.ours, baseline: r.baseline, ratio: r.ratio };
}

async function standalone(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, runs: { type: 'string' } } });
  const rows = Number(values.rows ?? 1_000_000);
  const work = join(ROOT, 'bench', 'work', 'query');
  await mkdir(work, { recursive: true });
  const csv = join(work, `${DATASET}-${rows}.csv`);
  const dataDir = join(work, `plaza-${rows}`);
  say(`Generating and importing ${rows.toLocaleString('en-US')} rows...`);
  await generateCsv(csv, rows);
  await createDataset(dataDir);
  await importFile(dataDir, csv);
  const indexes = await buildSearchIndexes(dataDir);
  say(
    `Search indexes built in ${indexes.seconds.toFixed(1)} s (a circle query before: ${(indexes.circleBefore * 1000).toFixed(0)} ms)`,
  );
  const result = await queryBench(dataDir, Number(values.runs ?? 7));
  say('');
  say(table(result.measures));
  const missed = result.measures.filter((m) => !passes(m));
  say(missed.length ? `\nMISSED: ${missed.map((m) => m.measure).join('; ')}` : '\nAll query targets met.');
}

if (process.argv[1]?.endsWith('query.ts')) await standalone();
