import { describe, expect, it } from 'vitest';
import { ARTERIALS, inCity } from '../city.js';
import { parkingLayout } from '../datasets/parking.js';
import { createRandom } from '../random.js';
import { sensorNetwork } from './network.js';

const network = sensorNetwork({ seed: 1 });
const of = (dataset: string) => network.things.filter((t) => t.datasetId === dataset);

describe('sensor network layout', () => {
  it('has at least 300 parking stalls, 24 detector stations, 10 air stations and 8 noise monitors', () => {
    const stalls = network.streams.filter((s) => s.kind === 'state');
    expect(stalls.length).toBeGreaterThanOrEqual(300);
    const stations = of('traffic-counts');
    expect(stations).toHaveLength(24);
    for (const station of stations) {
      expect(station.streams.map((s) => s.key.split(':').slice(1).join(':')).sort()).toEqual(
        ['E', 'N', 'S', 'W'].flatMap((a) => [`${a}:speed`, `${a}:vehicles`]).sort(),
      );
    }
    expect(of('air-quality')).toHaveLength(10);
    for (const station of of('air-quality')) {
      expect(station.streams.map((s) => s.kind).sort()).toEqual(
        ['humidity', 'no2', 'o3', 'pm10', 'pm25', 'temperature'].sort(),
      );
    }
    expect(of('noise-levels')).toHaveLength(8);
  });

  it('places every Thing inside the city, outside Midway City', () => {
    for (const thing of network.things) {
      const [lon, lat] = thing.location as [number, number];
      expect(inCity(lon, lat), `${thing.externalId} at ${lon}, ${lat}`).toBe(true);
    }
  });

  it('puts detector stations on the crossing of two arterials', () => {
    const ns = new Map(ARTERIALS.filter((a) => a.axis === 'ns').map((a) => [a.at, a.name]));
    const ew = new Map(ARTERIALS.filter((a) => a.axis === 'ew').map((a) => [a.at, a.name]));
    for (const station of of('traffic-counts')) {
      const [lon, lat] = station.location as [number, number];
      expect(station.name).toBe(`Traffic detectors ${ns.get(lon)} & ${ew.get(lat)}`);
    }
    // The crossings of two six-lane arterials come first: three lanes on every approach.
    const lanes = (station: (typeof network.things)[number]) =>
      (station.properties.detectors as { lanes: number }[]).map((d) => d.lanes);
    expect(lanes(of('traffic-counts')[0]!)).toEqual([3, 3, 3, 3]);
    expect(of('traffic-counts').filter((s) => lanes(s).every((n) => n === 3))).toHaveLength(11);
  });

  it('uses the sensor ids of the Public Parking Spaces dataset', () => {
    const fromLayout = [...parkingLayout(createRandom(1, 'parking-spaces'))]
      .map((s) => s.sensorId)
      .filter((id) => id !== null);
    const things = of('parking-occupancy').filter((t) => t.externalId.startsWith('PKS-'));
    expect(things.map((t) => t.externalId)).toEqual(fromLayout);
    // Every stall belongs to one gateway, which counts it.
    const gateways = of('parking-occupancy').filter((t) => t.externalId.startsWith('PKG-'));
    const counted = gateways.flatMap((g) => g.properties.sensor_ids as string[]);
    expect(counted.sort()).toEqual([...fromLayout].sort());
    expect(gateways.map((g) => g.name)).toContain('Little Saigon Municipal Lot parking gateway');
  });

  it('gives unique ids and is the same for the same seed', () => {
    const ids = network.things.map((t) => `${t.datasetId}/${t.externalId}`);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = network.streams.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    const again = sensorNetwork({ seed: 1 });
    expect(again.streams.map((s) => [s.key, s.noise, s.phase])).toEqual(
      network.streams.map((s) => [s.key, s.noise, s.phase]),
    );
    expect(sensorNetwork({ seed: 2 }).streams[0]!.noise).not.toBe(network.streams[0]!.noise);
  });

  it('keeps every kind of sensor in a small network', () => {
    const small = sensorNetwork({ seed: 1, scale: 0.02 });
    const kinds = new Set(small.streams.map((s) => s.kind));
    expect(kinds.size).toBe(12);
    expect(small.things.length).toBeLessThan(40);
    expect(small.streams.every((s) => network.streams.some((t) => t.key === s.key))).toBe(true);
  });
});
