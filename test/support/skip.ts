/** How a tier's global setup reports a missing service (runs in the main Vitest process, not in tests). */
import { appendFileSync } from 'node:fs';

/**
 * Used by the tiers' global setups when their service is missing: a loud SKIPPED line (also appended to the file
 * named by PLAZA_TEST_SKIP_LOG for the summary of `npm test`), or an error under PLAZA_REQUIRE_ALL=1.
 */
export function tierUnavailable(tier: string, reason: string): void {
  if (process.env.PLAZA_REQUIRE_ALL === '1') {
    throw new Error(`${tier} cannot run and PLAZA_REQUIRE_ALL=1: ${reason}`);
  }
  const line = `SKIPPED: ${tier} (${reason})`;
  console.log(`\n${'!'.repeat(line.length)}\n${line}\n${'!'.repeat(line.length)}\n`);
  if (process.env.PLAZA_TEST_SKIP_LOG) appendFileSync(process.env.PLAZA_TEST_SKIP_LOG, `${line}\n`);
}
