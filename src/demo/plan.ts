/**
 * The Westminster demo: departments, catalog entries and their data files, generated from a seed. The same
 * seed and `today` give byte-identical files; every date is derived from `today`.
 */
import { mkdir } from 'node:fs/promises';
import type { DepartmentInput } from '../catalog/catalog.schema.js';
import { toLocal } from './calendar.js';
import { createContext, type DemoContext, type DemoDataset } from './context.js';
import { writeCouncilDistricts, writeZoning } from './datasets/boundaries.js';
import { writeBudget } from './datasets/budget.js';
import { writeBusinessLicenses } from './datasets/business-licenses.js';
import { writeCapitalProjects } from './datasets/capital-projects.js';
import { writeCenterlines } from './datasets/centerlines.js';
import { writeCodeEnforcement } from './datasets/code-enforcement.js';
import { writeParkingSpaces } from './datasets/parking.js';
import { writeParks } from './datasets/parks.js';
import { writePermits } from './datasets/permits.js';
import { writePollingPlaces } from './datasets/polling-places.js';
import { sensorDatasets } from './datasets/sensors.js';
import { writeServiceRequests } from './datasets/service-requests.js';
import { writeCollisions, writeCrosswalks } from './datasets/traffic.js';
import { writeTrees } from './datasets/trees.js';
import { DEPARTMENTS } from './departments.js';

export type { DemoDataset, DemoFile } from './context.js';

export interface DemoPlan {
  departments: DepartmentInput[];
  datasets: DemoDataset[];
}

export interface DemoOptions {
  /** Seed of the random streams (default 1). */
  seed?: number;
  /** The moment the demo is generated for (default now); all dates are derived from it. */
  today?: Date;
  /** Multiplies the row counts of the large tables (default 1; tests use 0.02). */
  scale?: number;
}

export const DEFAULT_SEED = 1;

type Recipe = (context: DemoContext) => Promise<DemoDataset | DemoDataset[]> | DemoDataset[];

/** In catalog order. Each recipe draws from its own random stream, so the order does not change the data. */
const RECIPES: readonly Recipe[] = [
  writePermits,
  writeCodeEnforcement,
  writeServiceRequests,
  writeBusinessLicenses,
  writeCouncilDistricts,
  writeZoning,
  writeParks,
  writeTrees,
  writeCenterlines,
  writeCrosswalks,
  writeCollisions,
  writeParkingSpaces,
  writeBudget,
  writeCapitalProjects,
  writePollingPlaces,
  sensorDatasets,
];

/**
 * Writes every data file into `dir` (created if missing), streamed to disk, and returns the departments and
 * datasets to create. Deterministic for a given seed and `today`.
 */
export async function writeDemo(dir: string, options: DemoOptions = {}): Promise<DemoPlan> {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`scale must be a positive number, got ${scale}`);
  const today = options.today ?? new Date();
  if (Number.isNaN(today.getTime())) throw new Error('today must be a valid date');
  await mkdir(dir, { recursive: true });
  const context = createContext(dir, seed, scale, toLocal(today));
  const datasets: DemoDataset[] = [];
  for (const recipe of RECIPES) datasets.push(...[await recipe(context)].flat());
  return { departments: DEPARTMENTS.map((d) => ({ ...d })), datasets };
}
