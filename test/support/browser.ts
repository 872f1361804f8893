/** Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core, a fresh profile each time. */
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumCandidate, chromiumLaunchOptions } from './chromium.js';
import { track } from './cleanup.js';

/**
 * Launches Chromium. Playwright gives every launch a new empty --user-data-dir and deletes it on close, so no
 * state leaks between tests. Close the browser when done (leftovers are closed at the end of the file).
 */
export async function launchBrowser(
  executablePath = inject('chromiumPath') ?? chromiumCandidate(),
): Promise<Browser> {
  const browser = await chromium.launch(chromiumLaunchOptions(executablePath));
  const close = track(() => browser.close());
  browser.once('disconnected', () => void close());
  return browser;
}

const requireFromHere = createRequire(import.meta.url);

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/** Runs axe-core on the page as it is now; returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: requireFromHere.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })),
    }));
  });
}

/** Violations that must fail a test: serious and critical ones. */
export function seriousViolations(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
