/**
 * The demo network's own deliveries, faults and all, through QC with the defaults, as ingest would judge them
 * (receipt time = when the device sent the message): the injected faults are caught in time and clean data
 * stays clean. Five days of March 2025 were chosen for their many long stuck episodes (found with
 * episodesBetween); the streams are those with a stuck or clock episode then, plus two clean ones per kind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { networkDeliveries } from '../../demo/sensors/deliveries.js';
import { episodesBetween, readingFault, type Episode } from '../../demo/sensors/faults.js';
import { sensorNetwork } from '../../demo/sensors/network.js';
import { numericValue } from '../../demo/sensors/signals.js';
import type { StreamSpec } from '../../demo/sensors/spec.js';
import { VOCABULARY } from '../../demo/sensors/vocabulary.js';
import { defaultQcConfig } from './qc-defaults.js';
import { qcStream, type QcFaultEvent } from './qc-stream.js';
import type { QcConfig, QcOutcome } from './qc.types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2025, 2, 11);
const TO = FROM + 5 * DAY;

interface Judged {
  at: number;
  /** The time the device stamped, and the true time of the reading (they differ while its clock is wrong). */
  time: number;
  trueTime: number;
  index: number;
  value: number | null;
  outcome: QcOutcome;
  /** A copy of a reading delivered before. */
  repeat: boolean;
}

interface Run {
  stream: StreamSpec;
  config: QcConfig;
  episodes: Episode[];
  judged: Judged[];
  faults: (QcFaultEvent & { at: number })[];
}

function chooseStreams(): StreamSpec[] {
  const clean = new Map<string, number>();
  return sensorNetwork().streams.filter((stream) => {
    const faulty = episodesBetween(stream, FROM, TO).some((e) => e.kind !== 'gap');
    const n = clean.get(stream.kind) ?? 0;
    if (faulty) return true;
    clean.set(stream.kind, n + 1);
    return n < (stream.kind === 'state' ? 3 : 2);
  });
}

/**
 * The true time of a reading: its stamp, less the shift of the clock episode it was made in. A shifted stamp
 * is off its stream's phase by the restart's skew; a stall's (no phase) is hours away from its sending.
 */
function trueTimeOf(stream: StreamSpec, episodes: readonly Episode[], time: number, at: number): number {
  for (const e of episodes) {
    const t = time - e.shift;
    if (e.kind !== 'clock' || t < e.start || t >= e.end) continue;
    if (stream.cadence ? (t - stream.phase) % stream.cadence === 0 : Math.abs(at - t) < 10 * MINUTE) return t;
  }
  return time;
}

function runNetwork(): Run[] {
  const streams = chooseStreams();
  const runs = new Map<StreamSpec, Run & { qc: ReturnType<typeof qcStream>; byTime: Map<number, Judged> }>();
  for (const stream of streams) {
    const config = defaultQcConfig(VOCABULARY[stream.kind].property)!;
    const episodes = episodesBetween(stream, FROM - DAY, TO + DAY);
    runs.set(stream, {
      stream,
      config,
      episodes,
      judged: [],
      faults: [],
      qc: qcStream(config),
      byTime: new Map(),
    });
  }
  const network = { seed: 1, scale: 1, things: [], streams };
  for (const delivery of networkDeliveries(network, FROM, TO)) {
    const run = runs.get(delivery.stream)!;
    const [start, end] = delivery.phenomenonTime.split('/');
    const time = Date.parse(start!);
    const value = typeof delivery.result === 'number' ? delivery.result : null;
    const result = run.qc.evaluate({
      time,
      end: end ? Date.parse(end) : undefined,
      value,
      receivedAt: delivery.at,
    });
    const { stream } = run;
    const trueTime = trueTimeOf(stream, run.episodes, time, delivery.at);
    const index = stream.cadence ? Math.round((trueTime - stream.phase) / stream.cadence) : 0;
    const repeat = run.byTime.has(time);
    const judged: Judged = { at: delivery.at, time, trueTime, index, value, outcome: result.outcome, repeat };
    run.judged.push(judged);
    if (result.revised) run.byTime.get(result.revised.time)!.outcome = result.revised.outcome;
    if (!repeat) run.byTime.set(time, judged);
    if (result.fault) run.faults.push({ ...result.fault, at: delivery.at });
  }
  return [...runs.values()];
}

let runs: Run[] = [];
beforeAll(() => {
  runs = runNetwork();
}, 60_000);

/** Whether an instant lies within `margin` of an episode. */
const near = (e: Episode, time: number, margin: number) => time >= e.start - margin && time < e.end + margin;
const intervalOf = (stream: StreamSpec) => stream.cadence || 2 * MINUTE;

describe('QC of the demo network with the defaults', () => {
  it('has a default configuration for every kind of stream', () => {
    for (const run of runs) expect(run.config, run.stream.kind).toBeDefined();
    expect(new Set(runs.map((r) => r.stream.kind)).size).toBe(Object.keys(VOCABULARY).length);
  });

  it('opens a flat_line fault for every long stuck episode, within the fail duration and a few readings', () => {
    const delays: number[] = [];
    for (const { stream, config, episodes, judged, faults } of runs) {
      if (!config.flatLine) continue;
      const c = stream.cadence;
      const due = config.flatLine.failAfterMs + 2 * c;
      for (const e of episodes) {
        // Long enough to be caught, inside the period, and not overlapped by a gap or a wrong clock.
        if (e.kind !== 'stuck' || e.end - e.start < due || e.start < judged[0]!.at || e.start + due > TO)
          continue;
        if (episodes.some((o) => o.kind !== 'stuck' && o.start < e.start + due && o.end > e.start - 2 * c))
          continue;
        const opened = faults.find((f) => f.kind === 'flat_line' && f.state === 'open' && near(e, f.at, c));
        expect(opened, `${stream.key} stuck from ${new Date(e.start).toISOString()}`).toBeDefined();
        // The run starts at the first stuck reading (up to one interval in), an interval reading is sent at
        // its end, and the message that reaches the duration may itself come one interval late.
        expect(opened!.at - e.start).toBeLessThanOrEqual(config.flatLine.failAfterMs + 3 * c + 10_000);
        expect(opened!.detail).toMatch(/^unchanged at [\d.]+ for \d+ h/);
        delays.push(opened!.at - e.start - config.flatLine.failAfterMs);
      }
    }
    expect(delays.length).toBeGreaterThanOrEqual(8);
  });

  it('flags every spike 3 or 4 once its successor has arrived', () => {
    let checked = 0;
    for (const { stream, config, episodes, judged } of runs) {
      if (!config.spike || stream.site.type === 'group') continue;
      for (const j of judged) {
        if (j.repeat || j.value === null || readingFault(stream, j.index) !== 'spike') continue;
        // Two spikes in a row are a plateau to a three-point test; episodes change the neighbours.
        if (readingFault(stream, j.index - 1) === 'spike' || readingFault(stream, j.index + 1) === 'spike')
          continue;
        if (episodes.some((e) => near(e, j.trueTime, 2 * stream.cadence))) continue;
        const truth = numericValue(stream, j.trueTime)!;
        const { spike = 2, gross_range = 2 } = j.outcome.tests;
        const caught = spike >= 3 || gross_range >= 3;
        // A glitch no bigger than twice the suspect threshold can hide in the neighbours' noise.
        if (Math.abs(j.value - truth) <= 2 * config.spike.suspect && !caught) continue;
        expect(caught, `${stream.key} ${new Date(j.time).toISOString()} ${truth} → ${j.value}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(40);
  });

  it('flags by timing every reading stamped by a wrong clock (hours behind or ahead)', () => {
    let checked = 0;
    for (const { stream, episodes, judged } of runs) {
      for (const j of judged) {
        if (j.time === j.trueTime || !episodes.some((e) => e.kind === 'clock' && near(e, j.trueTime, 0)))
          continue;
        expect(j.outcome.tests.timing_gap, `${stream.key} ${new Date(j.trueTime).toISOString()}`).toBe(4);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(100);
  });

  it('flags clean stretches rarely (under 0.5% suspect, 0.05% failed) and opens no fault there', () => {
    let clean = 0;
    let suspect = 0;
    let failed = 0;
    for (const { stream, config, episodes, judged, faults } of runs) {
      const interval = intervalOf(stream);
      // After a stuck episode the flat run can carry on; keep well away from every episode.
      const margin = 2 * (config.flatLine?.failAfterMs ?? 0) + 2 * interval;
      for (const j of judged) {
        if (j.repeat || episodes.some((e) => near(e, j.trueTime, margin))) continue;
        if (
          stream.cadence &&
          (readingFault(stream, j.index) || readingFault(stream, j.index - 1) === 'spike')
        )
          continue;
        clean++;
        if (j.outcome.flag === 3) suspect++;
        if (j.outcome.flag === 4) failed++;
      }
      for (const f of faults) {
        if (f.state !== 'open') continue;
        const explained = episodes.some((e) => near(e, f.at, 2 * interval));
        expect(explained, `${stream.key} ${f.kind} at ${new Date(f.at).toISOString()}: ${f.detail}`).toBe(
          true,
        );
      }
    }
    expect(clean).toBeGreaterThan(50_000);
    expect(suspect / clean).toBeLessThan(0.005);
    expect(failed / clean).toBeLessThan(0.0005);
  });

  it('clears every fault it opened once the stream is good again', () => {
    for (const { stream, faults } of runs) {
      const opened = faults.filter((f) => f.state === 'open').length;
      const cleared = faults.filter((f) => f.state === 'cleared').length;
      // The last fault may still be open when the period ends.
      expect(opened - cleared, stream.key).toBeGreaterThanOrEqual(0);
      expect(opened - cleared, stream.key).toBeLessThanOrEqual(1);
    }
  });
});
