#!/usr/bin/env node
// `npm test`: the whole suite, in order, stopping at the first failure with its exit code.
//   typecheck, lint, format, then the Vitest tiers unit, sqlite, postgres and browser (see vitest.config.ts).
// Extra arguments go to every Vitest run: `npm test -- src/catalog` or `npm test -- -t "search"`.
// The last line is always `N passed, N failed`: tests that passed, and tests, test files (errors outside any
// test) and checks (typecheck, lint, format) that failed. Skipped tests are counted on the line above it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'plaza-npm-test-'));
const skipLog = join(work, 'skipped.txt');
const extra = process.argv.slice(2);

const tiers = ['unit', 'sqlite', 'postgres', 'browser'];
const steps = [
  { name: 'typecheck', tool: 'tsc', args: ['--noEmit', '-p', '.'] },
  // The client islands run in browsers: their own settings (DOM types, no Node).
  { name: 'typecheck client', tool: 'tsc', args: ['--noEmit', '-p', 'src/web/client'] },
  { name: 'lint', tool: 'eslint', args: ['.'] },
  { name: 'format', tool: 'prettier', args: ['--check', '.'] },
  ...tiers.map((tier) => {
    const report = join(work, `${tier}.json`);
    return {
      name: `${tier} tests`,
      tool: 'vitest',
      args: [
        'run',
        '--project',
        tier,
        '--passWithNoTests',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${report}`,
        ...extra,
      ],
      report,
    };
  }),
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];

function run(tool, args) {
  return new Promise((done) => {
    const child = spawn(join(root, 'node_modules', '.bin', tool), args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PLAZA_TEST_SKIP_LOG: skipLog },
    });
    child.on('error', (error) => {
      console.error(`could not run ${tool}: ${error.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** Adds a Vitest JSON report to the totals; a missing report (Vitest did not get that far) adds nothing. */
function count(report) {
  if (!existsSync(report)) return false;
  const results = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += results.numPassedTests;
  totals.failed += results.numFailedTests;
  totals.skipped += results.numPendingTests + results.numTodoTests;
  // A file that failed outside its tests (an import error, a failing hook) has no failed test to count.
  for (const file of results.testResults) {
    if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'))
      totals.failed++;
  }
  return true;
}

function summary(failedStep) {
  const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
  console.log('\n=== summary ===');
  for (const t of timings) console.log(`${t.name.padEnd(16)} ${seconds(t.ms).padStart(7)}  ${t.status}`);
  if (existsSync(skipLog)) process.stdout.write(readFileSync(skipLog, 'utf8'));
  if (failedStep) console.log(`FAILED: ${failedStep.name} (exit code ${failedStep.code})`);
  console.log(`${totals.skipped} skipped`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
}

let exitCode = 0;
try {
  for (const [index, step] of steps.entries()) {
    console.log(
      `\n=== [${index + 1}/${steps.length}] ${step.name}: ${[step.tool, ...step.args].join(' ')} ===\n`,
    );
    const started = Date.now();
    const code = await run(step.tool, step.args);
    const counted = step.report ? count(step.report) : false;
    timings.push({
      name: step.name,
      ms: Date.now() - started,
      status: code === 0 ? 'ok' : `failed (${code})`,
    });
    if (code !== 0) {
      // A failed check, or a Vitest run that failed without reporting what (a crashed global setup).
      if (!step.report || !counted || totals.failed === 0) totals.failed++;
      summary({ name: step.name, code });
      exitCode = code;
      break;
    }
  }
  if (exitCode === 0) summary();
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
