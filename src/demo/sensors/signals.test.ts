import { describe, expect, it } from 'vitest';
import { instantOf } from './local-time.js';
import { sensorNetwork } from './network.js';
import {
  humidity,
  humidityBias,
  laeq,
  numericValue,
  ozone,
  pm10,
  pm25,
  temperature,
  vehicles,
} from './signals.js';

const network = sensorNetwork({ seed: 1 });
const streams = (kind: string) => network.streams.filter((s) => s.kind === kind);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Local midnight of Monday 4 May 2026 and Saturday 9 May 2026. */
const MONDAY = instantOf(Date.UTC(2026, 4, 4));
const SATURDAY = instantOf(Date.UTC(2026, 4, 9));
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
};

/** Mean over every stream of a kind and over several weeks of the same local hour of a day. */
function hourMean(kind: string, dayStart: number, hour: number, value = numericValue): number {
  const values: number[] = [];
  for (let week = 0; week < 4; week++) {
    for (const stream of streams(kind)) {
      const at = dayStart + week * 7 * DAY + hour * HOUR;
      values.push(value(stream, at) ?? 0);
    }
  }
  return mean(values);
}

describe('traffic signals', () => {
  it('peak at 7-9 and 16-18 on weekdays and stay lower on weekends', () => {
    const night = hourMean('vehicles', MONDAY, 3);
    const morning = hourMean('vehicles', MONDAY, 8);
    const midday = hourMean('vehicles', MONDAY, 11);
    const evening = hourMean('vehicles', MONDAY, 17);
    expect(morning).toBeGreaterThan(midday * 1.2);
    expect(evening).toBeGreaterThan(midday * 1.2);
    expect(morning).toBeGreaterThan(night * 8);
    const weekendPeak = Math.max(...[10, 12, 14, 16].map((h) => hourMean('vehicles', SATURDAY, h)));
    expect(weekendPeak).toBeLessThan(evening * 0.85);
  });

  it('slow down at the peak, and counts are whole and never negative', () => {
    const peak = hourMean('speed', MONDAY, 17);
    const night = hourMean('speed', MONDAY, 2);
    expect(peak).toBeLessThan(night - 5);
    for (const stream of streams('vehicles').slice(0, 8)) {
      for (let t = MONDAY; t < MONDAY + DAY; t += 5 * MINUTE) {
        const n = vehicles(stream, t);
        expect(Number.isInteger(n) && n >= 0).toBe(true);
      }
    }
  });
});

describe('air quality signals', () => {
  const month: number[] = [];
  for (let t = MONDAY; t < MONDAY + 30 * DAY; t += 37 * MINUTE) month.push(t);

  it('never reads a negative concentration, and PM10 never below PM2.5', () => {
    for (const stream of streams('pm10')) {
      for (const t of month) {
        const fine = pm25(stream, t);
        expect(fine).toBeGreaterThanOrEqual(0);
        expect(pm10(stream, t)).toBeGreaterThan(fine);
      }
    }
    for (const stream of [...streams('o3'), ...streams('no2')]) {
      for (const t of month) expect(numericValue(stream, t)).toBeGreaterThan(0);
    }
  });

  it('keeps PM2.5 at urban levels with a diurnal cycle biased by humidity', () => {
    const values = streams('pm25').flatMap((s) => month.map((t) => pm25(s, t)));
    expect(quantile(values, 0.5)).toBeGreaterThan(5);
    expect(quantile(values, 0.5)).toBeLessThan(25);
    expect(quantile(values, 0.99)).toBeLessThan(80);
    // Morning rush and evening inversion against the mixed afternoon air.
    expect(hourMean('pm25', MONDAY, 8)).toBeGreaterThan(hourMean('pm25', MONDAY, 14));
    expect(humidityBias(60)).toBe(1);
    expect(humidityBias(95)).toBeGreaterThan(1.5);
    // Humid minutes read higher than dry ones, on average.
    const pairs = streams('pm25').flatMap((s) => {
      const rh = streams('humidity').find((h) => h.key.split(':')[0] === s.key.split(':')[0])!;
      return month.map((t) => [humidity(rh, t), pm25(s, t)] as const);
    });
    const wet = mean(pairs.filter(([h]) => h > 85).map(([, p]) => p));
    const dry = mean(pairs.filter(([h]) => h < 65).map(([, p]) => p));
    expect(wet).toBeGreaterThan(dry);
  });

  it('has mild coastal weather and afternoon ozone', () => {
    for (const stream of streams('temperature')) {
      for (const t of month) {
        const c = temperature(stream, t);
        expect(c).toBeGreaterThan(3);
        expect(c).toBeLessThan(38);
      }
    }
    for (const stream of streams('humidity'))
      for (const t of month) expect(humidity(stream, t)).toBeLessThanOrEqual(100);
    expect(hourMean('temperature', MONDAY, 15)).toBeGreaterThan(hourMean('temperature', MONDAY, 5) + 5);
    const o3 = (s: (typeof network.streams)[number], t: number) => ozone(s, t);
    expect(hourMean('o3', MONDAY, 13, o3)).toBeGreaterThan(2 * hourMean('o3', MONDAY, 2, o3));
  });
});

describe('noise signals', () => {
  it('follow traffic between about 45 and 80 dB(A)', () => {
    const values: number[] = [];
    for (const stream of streams('laeq')) {
      for (let t = MONDAY; t < MONDAY + 7 * DAY; t += 13 * MINUTE) values.push(laeq(stream, t));
    }
    expect(quantile(values, 0.02)).toBeGreaterThan(40);
    expect(quantile(values, 0.98)).toBeLessThan(82);
    expect(Math.min(...values)).toBeGreaterThan(35);
    expect(hourMean('laeq', MONDAY, 17)).toBeGreaterThan(hourMean('laeq', MONDAY, 3) + 6);
  });

  it('is the same for the same stream and time, whenever asked', () => {
    const stream = streams('laeq')[0]!;
    const t = MONDAY + 12 * HOUR;
    expect(laeq(stream, t)).toBe(laeq(stream, t));
    const other = sensorNetwork({ seed: 7 }).streams.find((s) => s.key === stream.key)!;
    expect(laeq(other, t)).not.toBe(laeq(stream, t));
  });
});
