/** Where Chromium is and how it is started; no Vitest imports, so that the global setup can use it too. */
import { accessSync, constants } from 'node:fs';
import type { LaunchOptions } from 'playwright-core';

/** Where Chromium should be: PLAZA_CHROMIUM, or Debian's package path. */
export function chromiumCandidate(env: NodeJS.ProcessEnv = process.env): string {
  return env.PLAZA_CHROMIUM || '/usr/bin/chromium';
}

/** Why the Chromium at `path` cannot be used, or undefined when it is executable. */
export function chromiumProblem(path: string): string | undefined {
  try {
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return `no executable Chromium at ${path}; install the chromium package or set PLAZA_CHROMIUM`;
  }
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless, no sandbox (CI runs as root), nothing that phones home. */
export function chromiumLaunchOptions(executablePath: string): LaunchOptions {
  return { executablePath, headless: true, chromiumSandbox: false, args: CHROMIUM_ARGS, timeout: 30_000 };
}
