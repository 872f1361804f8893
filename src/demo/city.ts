/**
 * The shape of Westminster as the demo draws it: the extent, the arterial grid from the city notes, a few
 * invented collectors, the four council districts, the unincorporated Midway City island, ZIP codes and
 * address numbering. Approximate, good enough for a map, not a survey.
 */
import type { Position } from './writers.js';

export type Bbox = [number, number, number, number];

/** West, south, east, north. */
export const EXTENT: Bbox = [-118.04, 33.72, -117.93, 33.79];
export const [WEST, SOUTH, EAST, NORTH] = EXTENT;

export type StreetClass = 'freeway' | 'arterial' | 'collector' | 'local';

/** A straight street: along a meridian (`ns`, fixed longitude) or a parallel (`ew`, fixed latitude). */
export interface GridStreet {
  name: string;
  axis: 'ns' | 'ew';
  at: number;
  cls: 'arterial' | 'collector';
  lanes: number;
  speed: number;
}

const arterial = (name: string, axis: 'ns' | 'ew', at: number, lanes = 4, speed = 40): GridStreet => ({
  name,
  axis,
  at,
  cls: 'arterial',
  lanes,
  speed,
});

/** North-south arterials, west to east, and east-west arterials, north to south (city notes). */
export const ARTERIALS: readonly GridStreet[] = [
  arterial('Bolsa Chica St', 'ns', -118.04),
  arterial('Springdale St', 'ns', -118.022),
  arterial('Edwards St', 'ns', -118.014),
  arterial('Goldenwest St', 'ns', -118.006, 6, 45),
  arterial('Beach Blvd', 'ns', -117.988, 6, 45),
  arterial('Newland St', 'ns', -117.98),
  arterial('Magnolia St', 'ns', -117.972, 6, 40),
  arterial('Bushard St', 'ns', -117.963, 4, 35),
  arterial('Brookhurst St', 'ns', -117.954, 6, 45),
  arterial('Ward St', 'ns', -117.945, 4, 35),
  arterial('Garden Grove Blvd', 'ew', 33.774, 4, 40),
  arterial('Westminster Blvd', 'ew', 33.759, 6, 40),
  arterial('Hazard Ave', 'ew', 33.752, 4, 35),
  arterial('Bolsa Ave', 'ew', 33.745, 6, 40),
  arterial('McFadden Ave', 'ew', 33.738, 4, 40),
  arterial('Edinger Ave', 'ew', 33.73, 6, 45),
];

/** Invented collectors that split the larger superblocks. */
export const COLLECTORS: readonly GridStreet[] = [
  { name: 'Olive St', axis: 'ns', at: -117.9975, cls: 'collector', lanes: 2, speed: 30 },
  { name: 'Sycamore St', axis: 'ns', at: -118.031, cls: 'collector', lanes: 2, speed: 30 },
  { name: 'Palm Ave', axis: 'ew', at: 33.7665, cls: 'collector', lanes: 2, speed: 30 },
  { name: 'Trask Ave', axis: 'ew', at: 33.782, cls: 'collector', lanes: 2, speed: 30 },
];

export const GRID_STREETS: readonly GridStreet[] = [...ARTERIALS, ...COLLECTORS];

/** Freeways as drawn: the I-405 across the south of the city and SR-22 along the north edge. */
export const FREEWAYS: readonly { name: string; path: Position[]; lanes: number; speed: number }[] = [
  {
    name: 'San Diego Fwy (I-405)',
    path: [
      [-118.04, 33.7555],
      [-118.02, 33.7482],
      [-118.0, 33.7415],
      [-117.985, 33.7352],
      [-117.968, 33.7282],
      [-117.95, 33.7225],
      [-117.943, 33.72],
    ],
    lanes: 10,
    speed: 65,
  },
  {
    name: 'Garden Grove Fwy (SR-22)',
    path: [
      [-118.04, 33.7835],
      [-118.0, 33.7842],
      [-117.96, 33.7846],
      [-117.93, 33.7851],
    ],
    lanes: 8,
    speed: 65,
  },
];

/** Grid lines (arterials, collectors and the extent's edges) that cut the city into superblocks. */
export function gridLines(axis: 'ns' | 'ew'): number[] {
  const edges = axis === 'ns' ? [WEST, EAST] : [SOUTH, NORTH];
  const lines = GRID_STREETS.filter((s) => s.axis === axis).map((s) => s.at);
  return [...new Set([...edges, ...lines])].sort((a, b) => a - b);
}

export interface Cell {
  id: string;
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The superblocks between grid lines, west to east then north to south. */
export function superblocks(): Cell[] {
  const xs = gridLines('ns');
  const ys = gridLines('ew').reverse();
  const cells: Cell[] = [];
  for (let j = 0; j + 1 < ys.length; j++) {
    for (let i = 0; i + 1 < xs.length; i++) {
      cells.push({
        id: `${String.fromCharCode(65 + j)}${i + 1}`,
        west: xs[i] as number,
        east: xs[i + 1] as number,
        north: ys[j] as number,
        south: ys[j + 1] as number,
      });
    }
  }
  return cells;
}

/** Midway City, unincorporated county land inside the city: no city records fall in it. */
export const MIDWAY_CITY: Bbox = [-117.9955, 33.7395, -117.9825, 33.7505];

export function inBox([west, south, east, north]: Bbox, lon: number, lat: number): boolean {
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

export function inCity(lon: number, lat: number): boolean {
  return inBox(EXTENT, lon, lat) && !inBox(MIDWAY_CITY, lon, lat);
}

/** Where the district lines run: Hazard Ave east-west; Beach Blvd north of it, Newland St south of it. */
const DIVIDE_LAT = 33.752;
const DIVIDE_NORTH_LON = -117.988;
const DIVIDE_SOUTH_LON = -117.98;

export function councilDistrict(lon: number, lat: number): 1 | 2 | 3 | 4 {
  if (lat >= DIVIDE_LAT) return lon < DIVIDE_NORTH_LON ? 1 : 2;
  return lon < DIVIDE_SOUTH_LON ? 4 : 3;
}

/** Council district polygons: exterior rings counterclockwise, holes clockwise (RFC 7946). */
export function districtRings(district: 1 | 2 | 3 | 4): Position[][] {
  const [mw, ms, me, mn] = MIDWAY_CITY;
  switch (district) {
    case 1:
      return [
        [
          [WEST, DIVIDE_LAT],
          [DIVIDE_NORTH_LON, DIVIDE_LAT],
          [DIVIDE_NORTH_LON, NORTH],
          [WEST, NORTH],
          [WEST, DIVIDE_LAT],
        ],
      ];
    case 2:
      return [
        [
          [DIVIDE_NORTH_LON, DIVIDE_LAT],
          [DIVIDE_SOUTH_LON, DIVIDE_LAT],
          [EAST, DIVIDE_LAT],
          [EAST, NORTH],
          [DIVIDE_NORTH_LON, NORTH],
          [DIVIDE_NORTH_LON, DIVIDE_LAT],
        ],
      ];
    case 3:
      return [
        [
          [DIVIDE_SOUTH_LON, SOUTH],
          [EAST, SOUTH],
          [EAST, DIVIDE_LAT],
          [DIVIDE_SOUTH_LON, DIVIDE_LAT],
          [DIVIDE_SOUTH_LON, SOUTH],
        ],
      ];
    case 4:
      return [
        [
          [WEST, SOUTH],
          [DIVIDE_SOUTH_LON, SOUTH],
          [DIVIDE_SOUTH_LON, DIVIDE_LAT],
          [DIVIDE_NORTH_LON, DIVIDE_LAT],
          [WEST, DIVIDE_LAT],
          [WEST, SOUTH],
        ],
        [
          [mw, ms],
          [mw, mn],
          [me, mn],
          [me, ms],
          [mw, ms],
        ],
      ];
  }
}

/** ZIP codes: 92683 for most of the city, 92684 in the north-west, 92685 in the south-east. */
export function zipCode(lon: number, lat: number): string {
  if (lat > 33.7665 && lon < -117.9975) return '92684';
  if (lat < 33.738 && lon > -117.963) return '92685';
  return '92683';
}

/**
 * House numbers: east-west streets count up eastward (8200 Westminster Blvd is the Civic Center), north-south
 * streets count up southward. Odd numbers on the north and west sides.
 */
export function houseNumber(axis: 'ns' | 'ew', along: number, side: 1 | -1): number {
  const base = axis === 'ew' ? (along + 118.2792) * 28_600 : 12_600 + (NORTH - along) * 45_000;
  const even = Math.max(2, Math.round(base / 2) * 2);
  const oddSide = axis === 'ew' ? side === 1 : side === -1;
  return oddSide ? even + 1 : even;
}

/** Little Saigon's core: Bolsa Ave between Magnolia and Brookhurst, a block either side. */
export const LITTLE_SAIGON: Bbox = [-117.972, 33.7405, -117.954, 33.7495];

/** A ring for an axis-aligned box, counterclockwise and closed. */
export function boxRing([west, south, east, north]: Bbox): Position[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}
