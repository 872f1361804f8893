import { describe, expect, it } from 'vitest';
import {
  airFigures,
  inBbox,
  median,
  parkingFigures,
  pm25Band,
  pointOf,
  STALE_MS,
  takenAt,
  type LiveFeature,
} from './live-figures.js';

const feature = (
  datastream: number,
  at: [number, number] | null,
  result: unknown,
  phenomenonTime: string | null = '2026-03-01T20:00:00Z',
  observedProperty = 'Parking space state',
): LiveFeature => ({
  geometry: at ? { type: 'Point', coordinates: at } : null,
  properties: { datastream, thing: datastream, observedProperty, phenomenonTime, result },
});

const AREA = [-117.975, 33.738, -117.95, 33.752];
const INSIDE: [number, number] = [-117.96, 33.745];
const OUTSIDE: [number, number] = [-118.0, 33.745];

describe('parking figures', () => {
  it('counts the free spaces among those in the area that report a state', () => {
    const figures = parkingFigures(
      [
        feature(1, INSIDE, 'free'),
        feature(2, INSIDE, 'occupied'),
        feature(3, INSIDE, 'FREE '),
        feature(4, OUTSIDE, 'free'),
        feature(5, INSIDE, 'out_of_service'),
        feature(6, INSIDE, null, null),
        // A gateway's count is not a space.
        feature(7, INSIDE, 12, '2026-03-01T20:00:00Z', 'Occupied parking spaces'),
        feature(8, null, 'free'),
      ],
      AREA,
    );
    expect(figures).toMatchObject({ free: 2, total: 4, streams: { 1: 1, 2: 0, 3: 1, 5: 0 } });
    expect(figures.newest).toBe(Date.parse('2026-03-01T20:00:00Z'));
  });

  it('includes the area edges and finds a place for any geometry', () => {
    expect(inBbox([-117.975, 33.738], AREA)).toBe(true);
    expect(inBbox([-117.9749, 33.7379], AREA)).toBe(false);
    expect(
      pointOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 4],
            [0, 0],
          ],
        ],
      }),
    ).toEqual([1, 2]);
    expect(pointOf(null)).toBeUndefined();
  });

  it('reads the end of an interval as the time of a reading', () => {
    expect(takenAt('2026-03-01T20:05:00Z/2026-03-01T20:10:00Z')).toBe(Date.parse('2026-03-01T20:10:00Z'));
    expect(takenAt('nonsense')).toBeNull();
  });
});

describe('air figures', () => {
  const now = Date.parse('2026-03-01T20:30:00Z');
  const pm = (id: number, value: unknown, time: string) => feature(id, INSIDE, value, time, 'PM2.5');

  it('takes the median of the fresh PM2.5 readings and names its band', () => {
    const figures = airFigures(
      [
        pm(1, 8, '2026-03-01T20:29:00Z'),
        pm(2, 12, '2026-03-01T20:28:00Z'),
        pm(3, 40, '2026-03-01T20:20:00Z'),
        pm(4, 300, '2026-03-01T10:00:00Z'),
        pm(5, -3, '2026-03-01T20:29:00Z'),
        feature(6, INSIDE, 55, '2026-03-01T20:29:00Z', 'PM10'),
      ],
      'PM2.5',
      now,
    );
    expect(figures).toMatchObject({ value: 12, band: 'moderate', stations: 3, stale: false });
  });

  it('says when even the newest reading is old, and has nothing to say without readings', () => {
    const old = airFigures([pm(1, 5, '2026-03-01T18:00:00Z')], 'PM2.5', now);
    expect(old).toMatchObject({
      value: 5,
      band: 'good',
      stale: true,
      newest: Date.parse('2026-03-01T18:00:00Z'),
    });
    expect(now - old.newest!).toBeGreaterThan(STALE_MS);
    expect(airFigures([], 'PM2.5', now)).toMatchObject({
      value: null,
      band: null,
      stations: 0,
      stale: false,
    });
  });

  it('bands PM2.5 by the AQI breakpoints at one decimal', () => {
    expect([0, 9, 9.04, 9.1, 35.4, 35.5, 55.5, 125.5, 225.5, 500].map(pm25Band)).toEqual([
      'good',
      'good',
      'good',
      'moderate',
      'moderate',
      'sensitive',
      'unhealthy',
      'very_unhealthy',
      'hazardous',
      'hazardous',
    ]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
