import { describe, expect, it } from 'vitest';
import { bandOf, markerText, takenAt } from './live-bands.js';
import { DEFAULT_LAYERS, liveLayers } from './live-layers.js';
import { layerView } from './live-model.js';
import type { Dataset } from '../../catalog/catalog.schema.js';

describe('live bands', () => {
  it('puts PM2.5 readings in the EPA bands, edges included in the lower band', () => {
    const cases: [number, string][] = [
      [0, 'good'],
      [9.0, 'good'],
      [9.05, 'moderate'],
      [35.4, 'moderate'],
      [35.5, 'sensitive'],
      [55.4, 'sensitive'],
      [125.4, 'unhealthy'],
      [225.4, 'very_unhealthy'],
      [225.5, 'hazardous'],
    ];
    for (const [value, band] of cases) expect(bandOf('air', value), String(value)).toBe(band);
    expect(bandOf('air', null)).toBe('no_data');
    expect(bandOf('air', 'high')).toBe('no_data');
  });

  it('classifies speeds and parking states, never guessing an unknown state', () => {
    expect(bandOf('traffic', 30)).toBe('flowing');
    expect(bandOf('traffic', 29.9)).toBe('slowed');
    expect(bandOf('traffic', 15)).toBe('slowed');
    expect(bandOf('traffic', 14.9)).toBe('congested');
    expect(bandOf('traffic', null)).toBe('no_data');
    expect(bandOf('parking', 'free')).toBe('free');
    expect(bandOf('parking', 'OCCUPIED')).toBe('occupied');
    expect(bandOf('parking', 'out of service')).toBe('out_of_service');
    expect(bandOf('parking', 'out_of_service')).toBe('out_of_service');
    expect(bandOf('parking', 'towed')).toBe('unknown');
    expect(bandOf('parking', 1)).toBe('unknown');
  });

  it('writes a symbol or the rounded value in each mark', () => {
    expect(markerText('parking', 'free')).toBe('✓');
    expect(markerText('parking', 'occupied')).toBe('✕');
    expect(markerText('air', 12.5)).toBe('13');
    expect(markerText('traffic', null)).toBe('?');
  });

  it('takes the end of an interval as the time of a reading', () => {
    expect(takenAt('2026-03-01T20:05:00.000Z/2026-03-01T20:10:00.000Z')).toBe('2026-03-01T20:10:00.000Z');
    expect(takenAt('2026-03-01T20:00:00.000Z')).toBe('2026-03-01T20:00:00.000Z');
    expect(takenAt(null)).toBeNull();
  });
});

describe('live layers', () => {
  it('follows the city settings, with the demo datasets for what they leave out', () => {
    expect(liveLayers({ live: {} })).toEqual([
      DEFAULT_LAYERS.parking,
      DEFAULT_LAYERS.air,
      DEFAULT_LAYERS.traffic,
    ]);
    const layers = liveLayers({
      live: {
        parking: { dataset: 'curb-sensors', area: { en: 'Downtown' }, bbox: [0, 0, 1, 1] },
        airQuality: { dataset: 'air-net', observedProperty: 'PM10' },
      },
    });
    expect(layers.map((l) => [l.kind, l.dataset, l.observedProperty])).toEqual([
      ['parking', 'curb-sensors', 'Parking space state'],
      ['air', 'air-net', 'PM10'],
      ['traffic', 'traffic-counts', 'Mean vehicle speed'],
    ]);
  });

  it('keeps the layer’s property, names approaches that share a detector, and counts each band', () => {
    const reading = (id: number, thing: number, name: string, property: string, result: unknown) => ({
      id,
      name,
      thing: { id: thing, name: `Thing ${thing}` },
      observedProperty: property,
      unit: 'mph',
      phenomenonTime: result === null ? null : '2026-03-01T20:00:00.000Z',
      result,
    });
    const view = layerView(DEFAULT_LAYERS.traffic, { id: 'traffic-counts' } as Dataset, [
      reading(1, 7, 'North approach: speed', 'Mean vehicle speed', 40),
      reading(2, 7, 'South approach: speed', 'Mean vehicle speed', 10),
      reading(3, 7, 'North approach: count', 'Vehicle count', 12),
      reading(4, 8, 'Lone approach: speed', 'Mean vehicle speed', null),
    ]);
    expect(view.rows.map((r) => [r.name, r.band])).toEqual([
      ['North approach: speed', 'flowing'],
      ['South approach: speed', 'congested'],
      ['Thing 8', 'no_data'],
    ]);
    expect(view.counts).toEqual([
      { band: 'flowing', count: 1 },
      { band: 'slowed', count: 0 },
      { band: 'congested', count: 1 },
      { band: 'no_data', count: 1 },
    ]);
  });
});
