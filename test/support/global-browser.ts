/** Global setup of the browser project: check once that Chromium starts, or skip the tier loudly. */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumCandidate, chromiumLaunchOptions, chromiumProblem } from './chromium.js';
import { tierUnavailable } from './skip.js';

export default async function setup(project: TestProject): Promise<void> {
  const path = chromiumCandidate();
  let reason = chromiumProblem(path);
  if (reason === undefined) {
    try {
      const browser = await chromium.launch(chromiumLaunchOptions(path));
      await browser.close();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reason = `Chromium at ${path} does not start: ${message.split('\n')[0]}`;
    }
  }
  if (reason === undefined) {
    project.provide('chromiumPath', path);
    project.provide('browserSkipped', null);
    return;
  }
  tierUnavailable('browser tier', reason);
  project.provide('chromiumPath', null);
  project.provide('browserSkipped', reason);
}
