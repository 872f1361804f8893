/**
 * Automatic quality control of sensor observations (IOOS QARTOD): the flags, the tests, how they are configured,
 * and what the sensors module tells others about datastreams that keep failing. Types only: the pure tests are in
 * qartod.ts, the per-datastream evaluation in qc-stream.ts, the wiring into ingest in ingest.service.ts.
 */

/** QARTOD flags: 1 pass, 2 not evaluated, 3 suspect, 4 fail, 9 missing. Combining flags: the worst wins. */
export type QcFlag = 1 | 2 | 3 | 4 | 9;

export const QC_FLAG = { pass: 1, notEvaluated: 2, suspect: 3, fail: 4, missing: 9 } as const;

export const QC_TESTS = [
  'gross_range',
  'climatology',
  'spike',
  'rate_of_change',
  'flat_line',
  'timing_gap',
] as const;
export type QcTestName = (typeof QC_TESTS)[number];

/** The outcome for one observation: the combined flag and each test's own flag (a test not run is absent). */
export interface QcOutcome {
  flag: QcFlag;
  tests: Partial<Record<QcTestName, QcFlag>>;
}

/**
 * How a datastream is checked. Every test is optional; a test left out is not run. Set per datastream (its
 * SensorThings `properties.qc`) or per observed property (`properties.qc` of the ObservedProperty); otherwise
 * the defaults for the demo's observed properties apply (qc-defaults.ts).
 */
export interface QcConfig {
  /** Values outside `fail` are impossible for the instrument (fail); outside `suspect` (inside fail), suspect. */
  grossRange?: { fail: [number, number]; suspect?: [number, number] };
  /** Seasonal expectations (suspect only): the first period matching the observation's month (and hour) applies. */
  climatology?: {
    periods: { months: number[]; hours?: [number, number]; range: [number, number] }[];
    /**
     * IANA time zone in which `months` and `hours` are read (default UTC). `hours` is [from, to): local hours
     * from `from` up to but not including `to`, wrapping past midnight when `from` > `to` ([20, 6] is the night).
     */
    timeZone?: string;
  };
  /** |v2 - (v1 + v3)/2| - |(v3 - v1)/2| above `suspect` / `fail` (units of the datastream). */
  spike?: { suspect: number; fail: number };
  /** Change from the previous value faster than `threshold` units per second: suspect. */
  rateOfChange?: { threshold: number };
  /** Values within `tolerance` of each other for longer than suspectAfterMs (suspect) / failAfterMs (fail). */
  flatLine?: { tolerance: number; suspectAfterMs: number; failAfterMs: number };
  /**
   * Timing: an observation reaching the server more than `maxLatencyMs` after its phenomenon time is suspect,
   * more than `failLatencyMs` fail (a device clock in the wrong zone). Gap: a datastream silent for longer than
   * `gapMs` is missing data (a sensor-fault report opens).
   */
  timing?: { maxLatencyMs: number; failLatencyMs: number; gapMs: number };
}

/** Where a datastream's configuration came from. */
export type QcConfigSource = 'datastream' | 'observed_property' | 'default' | 'none';

export type SensorFaultKind =
  /** The values have not changed for longer than the flat-line fail duration: a stuck sensor. */
  | 'flat_line'
  /** Observations keep failing their tests (gross range, spike, timing...). */
  | 'failing'
  /** No observation for longer than the datastream's gap limit. */
  | 'silent';

/**
 * A datastream started or stopped failing. `open` is said once when the fault starts; `cleared` when good data
 * comes again (it may also be said after a restart for a fault that was never opened: receivers ignore it).
 */
export interface SensorFault {
  datastreamId: number;
  datasetId: string | null;
  kind: SensorFaultKind;
  state: 'open' | 'cleared';
  /** When the fault began (ISO UTC). */
  since: string;
  /** When this was noticed (ISO UTC). */
  at: string;
  /** What was seen, in words for the steward: "PM2.5 unchanged at 12.4 µg/m³ for 4 h 10 min". */
  detail: string;
}

/** A datastream silent past its gap limit. */
export interface SilentStream {
  datastreamId: number;
  datasetId: string | null;
  name: string;
  /** The latest observation's phenomenon time (ISO UTC), or null when it never reported. */
  lastObservation: string | null;
  gapMs: number;
}

/**
 * A datastream under investigation: an open report (from the public or automatic) names it. The APIs and the
 * pages show it until the report closes.
 */
export interface Investigation {
  /** The report's number, `Q26-0001`. */
  report: string;
  /** Public status page of the report (path), or null when the report is not public. */
  url: string | null;
  /** When the report was filed (ISO UTC). */
  since: string;
}

/** Open investigations by datastream id (only the datastreams asked for). */
export type InvestigationLookup = (datastreamIds: readonly number[]) => Promise<Map<number, Investigation>>;

/** What the sensors module offers others about quality control. */
export interface SensorQc {
  /** False when the server runs with QC disabled (PLAZA_QC=off): observations then carry no flags. */
  readonly enabled: boolean;
  /** Hears of datastreams that start or stop failing (from ingest). Returns how to stop listening. */
  onFault(listener: (fault: SensorFault) => void): () => void;
  /** Datastreams whose latest observation is older than their gap limit at `now` (epoch ms). */
  silentStreams(now: number): Promise<SilentStream[]>;
  /** The configuration that applies to a datastream, and where it came from. */
  configOf(datastreamId: number): Promise<{ config: QcConfig; source: QcConfigSource }>;
}
