import { describe, expect, it } from 'vitest';
import { VOCABULARY, type StreamKind } from '../../demo/sensors/vocabulary.js';
import { defaultQcConfig } from './qc-defaults.js';
import { qcStream } from './qc-stream.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.UTC(2025, 0, 15, 10);
const config = (kind: StreamKind) => defaultQcConfig(VOCABULARY[kind].property)!;

describe('defaultQcConfig', () => {
  it('knows every observed property of the demo, by definition', () => {
    for (const kind of Object.keys(VOCABULARY) as StreamKind[]) expect(config(kind), kind).toBeDefined();
  });

  it('tells apart vehicle count and mean speed, which share a definition, by name', () => {
    expect(config('vehicles').grossRange!.suspect).toEqual([0, 600]);
    expect(config('speed').grossRange!.suspect).toEqual([0, 90]);
  });

  it('falls back on the name (any case) when the definition is unknown or missing', () => {
    expect(defaultQcConfig({ name: 'pm2.5', definition: null })).toEqual(config('pm25'));
    expect(defaultQcConfig({ name: 'Air temperature', definition: 'https://example.org/t' })).toEqual(
      config('temperature'),
    );
    expect(defaultQcConfig({ name: 'Water level', definition: 'https://example.org/wl' })).toBeUndefined();
  });

  it('matches a definition without regard to case or a final slash', () => {
    expect(
      defaultQcConfig({ name: 'x', definition: 'HTTP://vocab.nerc.ac.uk/standard_name/air_temperature' }),
    ).toEqual(config('temperature'));
  });

  it('gives a fresh copy each time', () => {
    const a = config('pm25');
    a.grossRange!.fail[1] = 1;
    expect(config('pm25').grossRange!.fail[1]).toBe(1000);
  });

  it('never tests the state of a stall by value, and waits two days before calling it silent', () => {
    const state = config('state');
    expect(Object.keys(state)).toEqual(['timing']);
    expect(state.timing!.gapMs).toBe(48 * HOUR);
  });

  it('does not flag a lot that stays empty all night, nor a count of working stalls that never changes', () => {
    const occupied = qcStream(config('occupied'));
    const operational = qcStream(config('operational'));
    for (let t = 0; t <= 10 * HOUR; t += 5 * MINUTE) {
      const at = T0 + t;
      expect(occupied.evaluate({ time: at, value: 0, receivedAt: at + 2000 }).outcome.flag).toBe(1);
      expect(operational.evaluate({ time: at, value: 12, receivedAt: at + 2000 }).outcome.flag).toBe(1);
    }
  });

  it('accepts no vehicles at 3 am for an hour, but not the same count for 3 hours', () => {
    const qc = qcStream(config('vehicles'));
    const flags: number[] = [];
    for (let t = 0; t <= 3 * HOUR; t += 5 * MINUTE) {
      const start = T0 + t;
      flags.push(
        qc.evaluate({ time: start, end: start + 5 * MINUTE, value: 0, receivedAt: start + 5 * MINUTE + 2000 })
          .outcome.flag,
      );
    }
    expect(flags.slice(0, 24).every((f) => f === 1)).toBe(true);
    expect(flags.at(-1)).toBe(4);
  });

  it('fails an hourly mean stamped on local time instead of UTC, not one that is only late', () => {
    const qc = qcStream(config('o3'));
    const start = T0;
    const end = start + HOUR;
    expect(
      qc.evaluate({ time: start, end, value: 30, receivedAt: end + 4 * HOUR }).outcome.tests.timing_gap,
    ).toBe(3);
    expect(
      qc.evaluate({ time: start - 8 * HOUR, end: end - 8 * HOUR, value: 30, receivedAt: end }).outcome.tests
        .timing_gap,
    ).toBe(4);
  });
});
