/**
 * PM2.5 categories of the U.S. EPA Air Quality Index (2024 breakpoints, µg/m³): one table for the home page's
 * live strip and the live map, so that both name the same band for the same reading. Pure: no DOM, no Node.
 */

export type Pm25Band = 'good' | 'moderate' | 'sensitive' | 'unhealthy' | 'very_unhealthy' | 'hazardous';

/** Upper bounds (inclusive) of the bands; above the last is hazardous. */
export const PM25_LIMITS: readonly (readonly [number, Pm25Band])[] = [
  [9.0, 'good'],
  [35.4, 'moderate'],
  [55.4, 'sensitive'],
  [125.4, 'unhealthy'],
  [225.4, 'very_unhealthy'],
];

/** The band of a concentration, compared at the breakpoints' precision (one decimal), as the AQI tables are read. */
export function pm25Band(value: number): Pm25Band {
  const rounded = Math.round(value * 10) / 10;
  for (const [limit, band] of PM25_LIMITS) if (rounded <= limit) return band;
  return 'hazardous';
}
