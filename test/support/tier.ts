/**
 * Which tier a test file runs in and whether that tier's service is there. The projects in vitest.config.ts set
 * PLAZA_TEST_TIER and PLAZA_TEST_DB; the tiers' global setups provide what they started (or why they could not).
 */
import { describe, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://postgres@127.0.0.1:PORT/postgres` on the throwaway cluster; null when the tier is skipped. */
    postgresAdminUrl: string | null;
    /** Why the PostgreSQL tier is skipped; null when it runs. */
    postgresSkipped: string | null;
    /** The Chromium executable for browser tests; null when the tier is skipped. */
    chromiumPath: string | null;
    /** Why the browser tier is skipped; null when it runs. */
    browserSkipped: string | null;
  }
}

export type Dialect = 'sqlite' | 'postgres';
export type Tier = 'unit' | 'sqlite' | 'postgres' | 'browser';

/** The database this run of the integration suite targets, from PLAZA_TEST_DB (SQLite when unset). */
export function dialectName(): Dialect {
  const value = process.env.PLAZA_TEST_DB || 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres') {
    throw new Error(`PLAZA_TEST_DB must be sqlite or postgres, got "${value}"`);
  }
  return value;
}

export function currentTier(): Tier | undefined {
  const value = process.env.PLAZA_TEST_TIER;
  return value === 'unit' || value === 'sqlite' || value === 'postgres' || value === 'browser'
    ? value
    : undefined;
}

/** Why the tests of the current tier cannot run here, or undefined when they can. */
export function tierSkipReason(): string | undefined {
  switch (currentTier()) {
    case 'postgres':
      if (inject('postgresAdminUrl')) return undefined;
      return inject('postgresSkipped') ?? 'the PostgreSQL global setup did not run';
    case 'browser':
      if (inject('chromiumPath')) return undefined;
      return inject('browserSkipped') ?? 'the browser global setup did not run';
    case 'unit':
    case 'sqlite':
    case undefined:
      return undefined;
  }
}

/** The admin URL of the throwaway PostgreSQL cluster; throws with the reason when the tier is skipped. */
export function postgresAdminUrl(): string {
  const url = inject('postgresAdminUrl');
  if (url) return url;
  throw new Error(
    `PostgreSQL is not available (${inject('postgresSkipped') ?? 'the postgres tier global setup did not run'}). ` +
      'Wrap database tests in describeDb() so that they skip, or run them in the postgres project.',
  );
}

const describeUnlessSkipped = (name: string, fn: () => void) =>
  describe.skipIf(tierSkipReason() !== undefined)(name, fn);

/** `describe` for integration tests: runs on whichever database the tier targets, skips when it is missing. */
export const describeDb = describeUnlessSkipped;

/** `describe` for browser tests: skips when Chromium is missing. */
export const describeBrowser = describeUnlessSkipped;
