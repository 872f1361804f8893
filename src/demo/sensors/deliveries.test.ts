import { describe, expect, it } from 'vitest';
import { networkDeliveries, streamDeliveries, type Delivery } from './deliveries.js';
import { FAULT_RATES, episodesOfDay, readingFault } from './faults.js';
import { sensorNetwork } from './network.js';
import { numericValue } from './signals.js';

const network = sensorNetwork({ seed: 1 });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2026, 4, 4, 7);
const startOf = (d: Delivery) => Date.parse(d.phenomenonTime.split('/')[0]!);
const stream = (key: string) => network.streams.find((s) => s.key === key)!;

describe('fault rates', () => {
  it('draws stuck, gap and clock episodes at their daily rates', () => {
    const counts = { stuck: 0, gap: 0, clock: 0 };
    let streamDays = 0;
    for (const s of network.streams) {
      for (let day = 20_000; day < 20_060; day++) {
        streamDays++;
        for (const episode of episodesOfDay(s, day)) {
          counts[episode.kind]++;
          expect(episode.end - episode.start).toBeGreaterThanOrEqual(FAULT_RATES[episode.kind].shortest);
          expect(episode.end - episode.start).toBeLessThanOrEqual(FAULT_RATES[episode.kind].longest);
          if (episode.kind === 'clock') {
            // Seven or eight hours behind (local time sent as UTC) or ahead, plus the restart's skew.
            const hours = Math.abs(episode.shift) / HOUR;
            expect(hours > 6.98 && hours < 8.02).toBe(true);
          }
        }
      }
    }
    for (const kind of ['stuck', 'gap', 'clock'] as const) {
      const rate = counts[kind] / streamDays;
      expect(rate).toBeGreaterThan(FAULT_RATES[kind].perDay * 0.8);
      expect(rate).toBeLessThan(FAULT_RATES[kind].perDay * 1.2);
    }
  });

  it('draws spikes, duplicates and late readings at their rates', () => {
    const counts = { spike: 0, duplicate: 0, late: 0 };
    const n = 400_000;
    const s = network.streams[0]!;
    for (let i = 0; i < n; i++) {
      const fault = readingFault(s, i);
      if (fault) counts[fault]++;
    }
    for (const kind of ['spike', 'duplicate', 'late'] as const) {
      expect(counts[kind] / n).toBeGreaterThan(FAULT_RATES[kind] * 0.75);
      expect(counts[kind] / n).toBeLessThan(FAULT_RATES[kind] * 1.25);
    }
  });
});

describe('deliveries', () => {
  const small = sensorNetwork({ seed: 1, scale: 0.25 });
  const day = networkDeliveries(small, FROM, FROM + DAY);

  it('are the same however the time is cut into pieces', () => {
    const pieces: Delivery[] = [];
    for (let t = FROM; t < FROM + DAY; t += 7 * HOUR + 13 * MINUTE) {
      pieces.push(...networkDeliveries(small, t, Math.min(FROM + DAY, t + 7 * HOUR + 13 * MINUTE)));
    }
    const key = (d: Delivery) => `${d.stream.key} ${d.at} ${d.phenomenonTime} ${d.result}`;
    expect(pieces.map(key).sort()).toEqual(day.map(key).sort());
    expect(day.every((d, i) => i === 0 || d.at >= day[i - 1]!.at)).toBe(true);
  });

  it('send each stream at its cadence: minutes, 5-minute bins, hours and changes', () => {
    const count = (kind: string) => day.filter((d) => d.stream.kind === kind).length;
    const streams = (kind: string) => small.streams.filter((s) => s.kind === kind).length;
    expect(count('pm25') / streams('pm25')).toBeGreaterThan(1380);
    expect(count('laeq') / streams('laeq')).toBeGreaterThan(1380);
    expect(count('o3') / streams('o3')).toBeGreaterThan(22);
    expect(count('vehicles') / streams('vehicles')).toBeGreaterThan(270);
    expect(count('occupied') / streams('occupied')).toBeGreaterThan(270);
    expect(count('state') / streams('state')).toBeGreaterThan(4);
    const bin = day.find((d) => d.stream.kind === 'vehicles')!;
    const [start, end] = bin.phenomenonTime.split('/').map((t) => Date.parse(t));
    expect(end! - start!).toBe(5 * MINUTE);
    expect(start! % (5 * MINUTE)).toBe(0);
  });

  it('include duplicates and out-of-order deliveries', () => {
    const byStream = new Map<string, Delivery[]>();
    for (const d of day) byStream.set(d.stream.key, [...(byStream.get(d.stream.key) ?? []), d]);
    let duplicates = 0;
    let outOfOrder = 0;
    for (const list of byStream.values()) {
      const seen = new Set<string>();
      let latest = -Infinity;
      for (const d of list) {
        if (seen.has(d.phenomenonTime)) duplicates++;
        seen.add(d.phenomenonTime);
        if (startOf(d) < latest) outOfOrder++;
        latest = Math.max(latest, startOf(d));
      }
    }
    expect(duplicates / day.length).toBeGreaterThan(FAULT_RATES.duplicate * 0.5);
    expect(outOfOrder / day.length).toBeGreaterThan(FAULT_RATES.late * 0.3);
  });

  /** A stream and a UTC day on which it has an episode of `kind`, searched in a fixed order. */
  function withEpisode(kind: 'stuck' | 'gap' | 'clock', kinds: string[]) {
    for (let d = 20_000; d < 21_000; d++) {
      for (const s of network.streams.filter((x) => kinds.includes(x.kind))) {
        const episode = episodesOfDay(s, d).find((e) => e.kind === kind);
        if (episode && episode.end - episode.start > 2 * HOUR) return { s, episode };
      }
    }
    throw new Error(`no ${kind} episode`);
  }

  it('flat-line while an instrument is stuck', () => {
    const { s, episode } = withEpisode('stuck', ['pm25', 'laeq', 'temperature']);
    const inside = streamDeliveries(s, episode.start + 10 * MINUTE, episode.end - 10 * MINUTE);
    expect(inside.length).toBeGreaterThan(60);
    expect(new Set(inside.map((d) => d.result)).size).toBe(1);
    const before = streamDeliveries(s, episode.start - 2 * HOUR, episode.start - 10 * MINUTE);
    expect(new Set(before.map((d) => d.result)).size).toBeGreaterThan(5);
  });

  it('fall silent during a gap', () => {
    const { s, episode } = withEpisode('gap', ['pm25', 'laeq', 'vehicles']);
    const inside = streamDeliveries(s, episode.start + 2 * s.cadence, episode.end - s.cadence);
    expect(inside.filter((d) => startOf(d) >= episode.start && startOf(d) < episode.end)).toEqual([]);
    expect(streamDeliveries(s, episode.end, episode.end + HOUR).length).toBeGreaterThan(5);
  });

  it('stamp local time as UTC (hours off) while a clock is wrong', () => {
    const { s, episode } = withEpisode('clock', ['pm25', 'laeq', 'temperature']);
    const sent = streamDeliveries(s, episode.start + MINUTE, episode.end);
    expect(sent.length).toBeGreaterThan(60);
    for (const d of sent) expect(Math.abs(startOf(d) - d.at)).toBeGreaterThan(6.9 * HOUR);
  });

  it('spike now and then, far from the signal', () => {
    const s = stream('NM-01:laeq');
    const sent = streamDeliveries(s, FROM, FROM + 30 * DAY);
    const spikes = sent.filter((d) => (d.result as number) > numericValue(s, startOf(d))! + 12);
    expect(spikes.length).toBeGreaterThan(0);
    expect(spikes.length / sent.length).toBeLessThan(FAULT_RATES.spike * 3);
  });
});
