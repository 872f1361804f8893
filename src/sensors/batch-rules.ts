/** The rules a store applies to each batch of observations, for one city time zone (pure, no I/O). */
import type { BatchRules } from '../db/observation-store.js';
import { mergeMinutes } from './minute-pack.js';
import { summarize } from './rollup.js';
import { localDays } from './time.js';

export function batchRules(timeZone: string): BatchRules {
  const dayStart = localDays(timeZone);
  return {
    timeZone,
    summarize: (rows, ids) => summarize(rows, ids, dayStart),
    mergeMinutes,
  };
}
