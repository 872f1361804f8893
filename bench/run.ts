/**
 * `npm run bench`: the performance targets, each measured against the sqlite3 shell doing the same work in
 * the same run (shared machines are noisy, so only ratios of alternating runs mean something).
 *
 *   import   `plaza import` of the generated CSV     <= 2.0x `sqlite3 .import --csv`
 *   download GET /api/v1/datasets/<id>/rows.csv     <= 1.5x `sqlite3 -csv 'SELECT * FROM t'`
 *   memory   peak RSS of the import and the server  <  250 MB each
 *   queries  SoQL on the imported dataset (see query.ts) against hand-written SQL and `sqlite3 -csv`
 *   ingest   HTTP batch ingest of 1,000,000 observations >= 0.6x raw prepared inserts (sensors-ingest.ts)
 *   qc       ingest of the demo network's observations with quality control >= 0.85x without it (sensors-qc.ts)
 *   sensors  series from rollups against a GROUP BY of the raw rows, latest of 10,000 datastreams (sensors-read.ts)
 *   live     MQTT QoS 1 ingest from 200 devices, SSE fan-out to 2,000 subscribers (sensors-live.ts)
 *   access   authentication + rate limits on a small GET >= 0.90x without them, >= 0.75x with Redis (access.ts)
 *   web      dataset page render p50 < 20 ms, its HTML+CSS+JS < 250 KB compressed, no script on text pages (web.ts)
 *
 * Options: --rows N (1,000,000), --import-runs N (3), --download-runs N (5), --keep (keep bench/work/run).
 * Exits 0 once measured: a missed target is printed as MISSED, it is not a test failure. It exits 1 when a
 * correctness check fails (row counts of the import or of the download), since the times then mean nothing.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { countRows, exportCsv, importCsv, sqliteVersion } from './baseline.js';
import { generateCsv, HEADER } from './generate.js';
import { httpRead, median, toMb } from './measure.js';
import { createDataset, DATASET, importFile, ROOT, startServer, warmUp, type Server } from './portal.js';
import { buildSearchIndexes, queryBench } from './query.js';
import { sensorsIngestBench } from './sensors-ingest.js';
import { sensorsQcBench } from './sensors-qc.js';
import { sensorsReadBench } from './sensors-read.js';
import { sensorsLiveBench } from './sensors-live.js';
import { accessBench } from './access.js';
import { webBench } from './web.js';
import { passes, table, writeResults, type Measure } from './report.js';

const MEMORY_LIMIT_MB = 250;

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const seconds = (values: number[]) => values.map((v) => round(v, 3));
const say = (line: string) => process.stdout.write(`${line}\n`);

/** Runs `ours` and `baseline` `runs` times each in the order AB BA AB ..., so that drift hits both alike. */
async function alternate(runs: number, ours: () => Promise<number>, baseline: () => Promise<number>) {
  const pairs: { ours: number; baseline: number; ratio: number }[] = [];
  for (let i = 0; i < runs; i++) {
    let a: number;
    let b: number;
    if (i % 2 === 0) {
      a = await ours();
      b = await baseline();
    } else {
      b = await baseline();
      a = await ours();
    }
    pairs.push({ ours: a, baseline: b, ratio: a / b });
    say(
      `  run ${i + 1}/${runs}: ours ${a.toFixed(2)} s, sqlite3 ${b.toFixed(2)} s, ratio ${(a / b).toFixed(2)}x`,
    );
  }
  return {
    pairs,
    ours: median(pairs.map((p) => p.ours)),
    baseline: median(pairs.map((p) => p.baseline)),
    ratio: median(pairs.map((p) => p.ratio)),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' },
      'import-runs': { type: 'string' },
      'download-runs': { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const rows = positiveInteger(values.rows, 1_000_000, 'rows');
  const importRuns = positiveInteger(values['import-runs'], 3, 'import-runs');
  const downloadRuns = positiveInteger(values['download-runs'], 5, 'download-runs');

  const sqlite = await sqliteVersion();
  if (!sqlite) {
    console.error(
      'bench: the sqlite3 shell is needed for the baseline (apt-get install sqlite3); nothing measured.',
    );
    return 1;
  }
  const work = join(ROOT, 'bench', 'work', 'run');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const csv = join(work, `${DATASET}.csv`);
  const baselineDb = join(work, 'baseline.sqlite');
  const plazaDir = (i: number) => join(work, `plaza-${i}`);

  const loadAtStart = loadavg()[0] ?? 0;
  let server: Server | undefined;
  try {
    say(`Generating ${rows.toLocaleString('en-US')} rows x ${HEADER.length} columns...`);
    const generateStarted = performance.now();
    const fileBytes = await generateCsv(csv, rows);
    say(
      `  ${toMb(fileBytes).toFixed(1)} MB in ${((performance.now() - generateStarted) / 1000).toFixed(1)} s`,
    );
    await warmUp(plazaDir(0));

    say(`Import (${importRuns} runs each, alternating):`);
    const importPeaks: number[] = [];
    const baselineImportPeaks: number[] = [];
    const rowsWritten: number[] = [];
    const innerSeconds: number[] = [];
    let lastDir = '';
    const imports = await alternate(
      importRuns,
      async () => {
        if (lastDir) await rm(lastDir, { recursive: true, force: true });
        lastDir = plazaDir(importPeaks.length + 1);
        await createDataset(lastDir);
        const run = await importFile(lastDir, csv);
        importPeaks.push(run.exitPeakBytes);
        rowsWritten.push(run.report.rows_written);
        innerSeconds.push((Date.parse(run.report.finished_at) - Date.parse(run.report.started_at)) / 1000);
        return run.seconds;
      },
      async () => {
        const run = await importCsv(baselineDb, csv);
        baselineImportPeaks.push(run.peakBytes);
        return run.seconds;
      },
    );
    const baselineRows = await countRows(baselineDb);

    // A server indexes a large import in the background: done here first, so that downloads meet an idle server.
    say('Search indexes of the imported table (as the server builds them after a large import):');
    const indexes = await buildSearchIndexes(lastDir);
    say(
      `  ${indexes.seconds.toFixed(1)} s; a within_circle query before them: ${(indexes.circleBefore * 1000).toFixed(0)} ms`,
    );

    say(`Download rows.csv (${downloadRuns} runs each, alternating):`);
    server = await startServer(lastDir);
    const url = `${server.url}/api/v1/datasets/${DATASET}/rows.csv`;
    const downloadLines: number[] = [];
    const downloadBytes: number[] = [];
    const baselineLines: number[] = [];
    const baselineExportPeaks: number[] = [];
    let rowCountHeader = '';
    const downloads = await alternate(
      downloadRuns,
      async () => {
        const read = await httpRead(url);
        if (read.status !== 200) throw new Error(`GET ${url} answered ${read.status}`);
        downloadLines.push(read.lines);
        downloadBytes.push(read.bytes);
        rowCountHeader = String(read.headers['x-row-count'] ?? '');
        return read.seconds;
      },
      async () => {
        const run = await exportCsv(baselineDb);
        baselineLines.push(run.counted.lines);
        baselineExportPeaks.push(run.peakBytes);
        return run.seconds;
      },
    );
    const serverPeak = await server.memory.stop();
    await server.stop();
    server = undefined;
    const baselineDbBytes = (await stat(baselineDb)).size;

    say('Queries on the imported dataset:');
    const queries = await queryBench(lastDir);

    say('Sensor ingest (1,000,000 observations over HTTP against raw prepared inserts):');
    const sensorsIngest = await sensorsIngestBench();

    say('Sensor quality control (ingest of the demo network with QC against QC switched off):');
    const sensorsQc = await sensorsQcBench();

    say('Sensor reads (a year of minute data as hourly averages; latest of 10,000 datastreams):');
    const sensorsRead = await sensorsReadBench();

    say('Live feeds (MQTT ingest from 200 devices; SSE to 2,000 subscribers):');
    const sensorsLive = await sensorsLiveBench();

    say('Access (authentication and rate limits on a small GET, against both switched off):');
    const access = await accessBench();

    say('Portal pages (render time, page weight, scripts on a text page):');
    const web = await webBench();

    const measures: Measure[] = [
      {
        measure: `import ${rows.toLocaleString('en-US')} rows`,
        unit: 's',
        ours: imports.ours,
        baseline: imports.baseline,
        ratio: imports.ratio,
        target: '<= 2.0x',
        limit: { on: 'ratio', max: 2, inclusive: true },
      },
      {
        measure: 'download rows.csv',
        unit: 's',
        ours: downloads.ours,
        baseline: downloads.baseline,
        ratio: downloads.ratio,
        target: '<= 1.5x',
        limit: { on: 'ratio', max: 1.5, inclusive: true },
      },
      {
        measure: 'import peak RSS',
        unit: 'MB',
        ours: toMb(Math.max(...importPeaks)),
        baseline: toMb(Math.max(...baselineImportPeaks)),
        ratio: Math.max(...importPeaks) / Math.max(...baselineImportPeaks),
        target: `< ${MEMORY_LIMIT_MB} MB`,
        limit: { on: 'ours', max: MEMORY_LIMIT_MB, inclusive: false },
      },
      {
        measure: 'server peak RSS (downloads)',
        unit: 'MB',
        ours: toMb(serverPeak),
        baseline: toMb(Math.max(...baselineExportPeaks)),
        ratio: serverPeak / Math.max(...baselineExportPeaks),
        target: `< ${MEMORY_LIMIT_MB} MB`,
        limit: { on: 'ours', max: MEMORY_LIMIT_MB, inclusive: false },
      },
      ...queries.measures,
      sensorsIngest,
      ...sensorsQc,
      ...sensorsRead.measures,
      ...sensorsLive.measures,
      ...access.measures,
      ...web.measures,
    ];
    const checks = {
      import_rows_written: rowsWritten.every((n) => n === rows),
      baseline_rows_imported: baselineRows === rows,
      download_lines: downloadLines.every((n) => n === rows + 1),
      download_row_count_header: rowCountHeader === String(rows),
      baseline_export_lines: baselineLines.every((n) => n === rows + 1),
      sensor_read_answers: sensorsRead.ok,
      live_feed_checks: sensorsLive.ok,
      access_checks: access.ok,
      web_checks: web.ok,
    };

    say('');
    say(table(measures));
    say('');
    say(
      'Times are medians; ratios are medians of the per-pair ratios. Baseline memory is the sqlite3 shell.',
    );
    say(
      `Import inside the process (report started_at..finished_at): ${innerSeconds.map((s) => s.toFixed(2)).join(', ')} s`,
    );
    for (const [name, ok] of Object.entries(checks)) say(`check ${name}: ${ok ? 'ok' : 'FAILED'}`);
    const missed = measures.filter((m) => !passes(m));
    if (missed.length > 0)
      say(
        `\nMISSED: ${missed.map((m) => `${m.measure} (${m.ratio.toFixed(2)}x, target ${m.target})`).join('; ')}`,
      );
    else say('\nAll targets met.');

    await writeResults(join(ROOT, 'bench', 'results.json'), {
      date: new Date().toISOString(),
      node: process.version,
      sqlite3: sqlite,
      platform: `${process.platform} ${process.arch}`,
      cpu: { model: cpus()[0]?.model ?? 'unknown', count: cpus().length },
      memory_gb: round(totalmem() / 1024 ** 3, 1),
      // Other work on the machine: the 1-minute load average when the run started and when it ended.
      load_average: [round(loadAtStart, 2), round(loadavg()[0] ?? 0, 2)],
      rows,
      columns: HEADER.length,
      file_bytes: fileBytes,
      baseline_db_bytes: baselineDbBytes,
      measures: measures.map((m) => ({
        measure: m.measure,
        unit: m.unit,
        ours: round(m.ours, m.unit === 's' ? 3 : 1),
        baseline: round(m.baseline, m.unit === 's' ? 3 : 1),
        ratio: round(m.ratio, 3),
        target: m.target,
        pass: passes(m),
      })),
      import: {
        command: `plaza import <file> --dataset ${DATASET} --types zip=text`,
        baseline: "sqlite3 <fresh db> '.import --csv <file> t'",
        ours_seconds: seconds(imports.pairs.map((p) => p.ours)),
        baseline_seconds: seconds(imports.pairs.map((p) => p.baseline)),
        ratios: imports.pairs.map((p) => round(p.ratio, 3)),
        ours_in_process_seconds: seconds(innerSeconds),
        ours_peak_rss_mb: importPeaks.map((b) => round(toMb(b), 1)),
        baseline_peak_rss_mb: baselineImportPeaks.map((b) => round(toMb(b), 1)),
      },
      download: {
        request: `GET /api/v1/datasets/${DATASET}/rows.csv, body read to the end and counted by a Node client`,
        baseline:
          "sqlite3 -csv -header <db> 'SELECT * FROM t', stdout read to the end and counted through a pipe",
        ours_seconds: seconds(downloads.pairs.map((p) => p.ours)),
        baseline_seconds: seconds(downloads.pairs.map((p) => p.baseline)),
        ratios: downloads.pairs.map((p) => round(p.ratio, 3)),
        ours_bytes: downloadBytes[0] ?? 0,
        server_peak_rss_mb: round(toMb(serverPeak), 1),
        baseline_peak_rss_mb: baselineExportPeaks.map((b) => round(toMb(b), 1)),
      },
      search_indexes: {
        build_seconds: round(indexes.seconds, 2),
        circle_query_before_seconds: round(indexes.circleBefore, 3),
      },
      queries: queries.details,
      sensors_read: sensorsRead.details,
      sensors_live: sensorsLive.details,
      access: access.details,
      web: web.details,
      checks,
    });
    say('Wrote bench/results.json');
    // Wrong output makes the numbers meaningless: that, unlike a missed target, is a failure.
    return Object.values(checks).every(Boolean) ? 0 : 1;
  } finally {
    await server?.stop();
    if (values.keep) say(`Kept the generated files in bench/work/run`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
