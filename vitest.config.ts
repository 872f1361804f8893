import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/** The same integration files run on both databases: once per tier. */
const integration = ['src/**/*.int.test.{ts,tsx}', 'test/integration/**/*.test.{ts,tsx}'];

/** Integration tiers start real databases and servers: more time than pure logic, still no test may hang. */
const integrationTimeouts = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  // Pages are JSX rendered by src/web/html.ts (tsconfig: jsxFactory h): compile them as the build does, without
  // the development transform's __source/__self props, which would otherwise render as HTML attributes.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment', development: false } },
  test: {
    // Runs tier by tier (`vitest run --project <name>`, see scripts/test.js); files in a tier run in parallel,
    // tests in a file in order, and every file gets its own database, so the order of files does not matter.
    sequence: { shuffle: false },
    // Integration files mostly wait on a database or a socket, so a 2-core CI machine still runs two at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, 'src/**/*.int.test.{ts,tsx}'],
          env: { PLAZA_TEST_TIER: 'unit' },
          // Property-based tests run thousands of cases; a busy 2-core CI machine must not make them flaky.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: integration,
          env: { PLAZA_TEST_TIER: 'sqlite', PLAZA_TEST_DB: 'sqlite' },
          setupFiles: ['test/support/setup-tier.ts'],
          ...integrationTimeouts,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          env: { PLAZA_TEST_TIER: 'postgres', PLAZA_TEST_DB: 'postgres' },
          globalSetup: ['test/support/global-postgres.ts'],
          setupFiles: ['test/support/setup-tier.ts'],
          ...integrationTimeouts,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          env: { PLAZA_TEST_TIER: 'browser', PLAZA_TEST_DB: 'sqlite' },
          globalSetup: ['test/support/global-browser.ts'],
          // Each file drives its own Chromium: more at once only competes for memory.
          maxWorkers: 2,
          setupFiles: ['test/support/setup-tier.ts'],
          ...integrationTimeouts,
        },
      },
    ],
  },
});
