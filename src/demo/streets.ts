/**
 * The street network: the grid streets of the city notes plus invented local streets inside each superblock,
 * trimmed where a freeway or Midway City is in the way. The network is fixed (its own seed), whatever the
 * demo's seed: a city does not move its streets between runs.
 */
import {
  FREEWAYS,
  GRID_STREETS,
  NORTH,
  SOUTH,
  EAST,
  WEST,
  inCity,
  superblocks,
  type StreetClass,
} from './city.js';
import { LOCAL_STREET_STEMS, LOCAL_STREET_SUFFIXES } from './names.js';
import { createRandom, type Random } from './random.js';

/** Longitude degrees are shorter than latitude degrees here (cos 33.75°). */
export const LON_SCALE = 0.8315;

/** A straight street: `at` is its fixed longitude (ns) or latitude (ew); it runs from `from` to `to`. */
export interface StreetLine {
  id: string;
  name: string;
  cls: Exclude<StreetClass, 'freeway'>;
  axis: 'ns' | 'ew';
  at: number;
  from: number;
  to: number;
  lanes: number;
  speed: number;
  /** Relative density of homes and businesses along it. */
  density: number;
  /** The superblock a local street lies in. */
  cell: string | null;
}

const NETWORK_SEED = 1957;

function distanceToSegment(
  x: number,
  y: number,
  [ax, ay]: [number, number],
  [bx, by]: [number, number],
): number {
  const px = (x - ax) * LON_SCALE;
  const py = y - ay;
  const dx = (bx - ax) * LON_SCALE;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
  return Math.hypot(px - t * dx, py - t * dy);
}

function nearFreeway(lon: number, lat: number, clearance: number): boolean {
  for (const freeway of FREEWAYS) {
    for (let i = 0; i + 1 < freeway.path.length; i++) {
      const a = freeway.path[i] as [number, number];
      const b = freeway.path[i + 1] as [number, number];
      if (distanceToSegment(lon, lat, a, b) < clearance) return true;
    }
  }
  return false;
}

/** The open pieces of a local street once freeways and county land are cut out of it. */
function openPieces(axis: 'ns' | 'ew', at: number, from: number, to: number): [number, number][] {
  const step = 0.0002;
  const pieces: [number, number][] = [];
  let start: number | null = null;
  let last = from;
  for (let v = from; v <= to + 1e-12; v += step) {
    const [lon, lat] = axis === 'ew' ? [v, at] : [at, v];
    const open = inCity(lon, lat) && !nearFreeway(lon, lat, 0.0007);
    if (open && start === null) start = v;
    if (!open && start !== null) {
      pieces.push([start, last]);
      start = null;
    }
    last = v;
  }
  if (start !== null) pieces.push([start, last]);
  return pieces.filter(([a, b]) => b - a >= 0.0015);
}

function nameMaker(random: Random): () => string {
  const stems: string[] = [...LOCAL_STREET_STEMS];
  for (let i = stems.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [stems[i], stems[j]] = [stems[j] as string, stems[i] as string];
  }
  const used = new Set<string>();
  let n = 0;
  return () => {
    for (;;) {
      const stem = stems[n % stems.length] as string;
      const suffix = random.pick(LOCAL_STREET_SUFFIXES);
      n++;
      const name = `${stem} ${suffix}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

function buildNetwork(): StreetLine[] {
  const random = createRandom(NETWORK_SEED, 'street-network');
  const nextName = nameMaker(random);
  const streets: StreetLine[] = GRID_STREETS.map((s, i) => ({
    id: `G${String(i + 1).padStart(2, '0')}`,
    name: s.name,
    cls: s.cls,
    axis: s.axis,
    at: s.at,
    from: s.axis === 'ns' ? SOUTH : WEST,
    to: s.axis === 'ns' ? NORTH : EAST,
    lanes: s.lanes,
    speed: s.speed,
    density: s.cls === 'arterial' ? 1.6 : 1.1,
    cell: null,
  }));

  let localCount = 0;
  const addLocal = (
    axis: 'ns' | 'ew',
    at: number,
    from: number,
    to: number,
    cell: string,
    density: number,
  ) => {
    for (const [a, b] of openPieces(axis, at, from, to)) {
      localCount++;
      streets.push({
        id: `L${String(localCount).padStart(3, '0')}`,
        name: nextName(),
        cls: 'local',
        axis,
        at,
        from: a,
        to: b,
        lanes: 2,
        speed: 25,
        density,
        cell,
      });
    }
  };

  for (const cell of superblocks()) {
    const density = random.logNormal(1, 0.45);
    const width = (cell.east - cell.west) * LON_SCALE;
    const height = cell.north - cell.south;
    const axis: 'ns' | 'ew' =
      width > height * 1.15 ? 'ew' : height > width * 1.15 ? 'ns' : random.pick(['ns', 'ew'] as const);
    const [lo, hi, crossLo, crossHi] =
      axis === 'ew'
        ? [cell.south, cell.north, cell.west, cell.east]
        : [cell.west, cell.east, cell.south, cell.north];
    const margin = axis === 'ew' ? 0.0009 : 0.0009 / LON_SCALE;
    const spacing = random.range(0.001, 0.0013) / (axis === 'ew' ? 1 : LON_SCALE);
    const inset = axis === 'ew' ? 0.0004 / LON_SCALE : 0.0004;
    const positions: number[] = [];
    for (let v = lo + margin; v <= hi - margin + 1e-9; v += spacing) positions.push(v);
    for (const v of positions) addLocal(axis, v, crossLo + inset, crossHi - inset, cell.id, density);
    // A connecting street across the parallel ones, where there are several of them.
    if (positions.length >= 3) {
      const crossAxis = axis === 'ew' ? 'ns' : 'ew';
      const mid = (crossLo + crossHi) / 2 + random.range(-0.15, 0.15) * (crossHi - crossLo);
      addLocal(crossAxis, mid, positions[0] as number, positions.at(-1) as number, cell.id, density);
    }
  }
  return streets;
}

let network: StreetLine[] | null = null;

/** Every street of the demo city (built once). */
export function streetNetwork(): readonly StreetLine[] {
  network ??= buildNetwork();
  return network;
}
