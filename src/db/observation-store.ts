/**
 * How sensor observations reach storage: one transaction per batch that inserts the new rows, skips the ones
 * already stored, and folds the new ones into the rollups and datastream states. The rules (which buckets, how
 * values merge) belong to the sensors module; each dialect only runs the statements.
 */

/** One observation as stored; times are epoch milliseconds. */
export interface ObservationRow {
  datastreamId: number;
  phenomenonTime: number;
  phenomenonEnd: number | null;
  resultTime: number | null;
  /** The result when it is a number (or a boolean as 0/1); null otherwise. */
  resultNumber: number | null;
  /** JSON text of a result that is not a number (text, boolean, object), else null. */
  resultJson: string | null;
  /**
   * JSON text of what the client sent, null when nothing. The quality control outcome is apart (`qcFlag`,
   * `qcTests`): readers compose the served JSON from the three (sensors/qc/qc-quality.ts).
   */
  resultQuality: string | null;
  parameters: string | null;
  featureId: number | null;
  receivedAt: number;
  /** The combined QARTOD flag (1 pass, 2 not evaluated, 3 suspect, 4 fail, 9 missing); null (or absent) when QC is off. */
  qcFlag?: number | null;
  /** Each test's flag, one decimal digit per test (`encodeTests`); null (or absent) when QC is off. */
  qcTests?: number | null;
}

/**
 * A stored observation's quality judged again once a later value arrived (a spike is decided by its neighbours):
 * its flag and tests are replaced (in the datastream's state too when it is the latest). Found by datastream and
 * phenomenon time.
 */
export interface QcRevision {
  datastreamId: number;
  phenomenonTime: number;
  qcFlag: number;
  qcTests: number;
}

/** A row of sensor_rollups, or a change to fold into one. */
export interface RollupRow {
  datastreamId: number;
  resolution: number;
  bucket: number;
  n: number;
  total: number;
  min: number;
  max: number;
  firstTime: number;
  firstValue: number;
  lastTime: number;
  lastValue: number;
}

/** A change to a datastream's running state: counts add, ranges widen, the later latest observation wins. */
export interface StateChange {
  datastreamId: number;
  observations: number;
  phenomenonStart: number;
  phenomenonEnd: number;
  resultStart: number | null;
  resultEnd: number | null;
  latestId: number;
  latest: ObservationRow;
}

/** The minute rollups a batch adds to one datastream-hour (stored packed: see sensors/minute-pack.ts). */
export interface MinuteChange {
  datastreamId: number;
  /** Start of the UTC hour, epoch ms. */
  hour: number;
  minutes: RollupRow[];
}

/** What a batch adds to rollups and states, computed from the rows that were new. */
export interface BatchSummary {
  /** Hour and day rollups, one row per bucket. */
  rollups: RollupRow[];
  minutes: MinuteChange[];
  states: StateChange[];
}

/**
 * The sensors module's rules that a store applies inside its transaction. A store that writes on another thread
 * rebuilds them there from the time zone (see sensors/batch-rules.ts): functions do not cross threads.
 */
export interface BatchRules {
  readonly timeZone: string;
  summarize(inserted: readonly ObservationRow[], ids: readonly number[]): BatchSummary;
  /** Folds minute changes into a stored packed hour (null: none stored yet); returns the bytes to store. */
  mergeMinutes(stored: Uint8Array | null, hour: number, minutes: readonly RollupRow[]): Uint8Array;
}

export interface ObservationStore {
  /**
   * In one committed transaction: inserts each row unless its (datastream, phenomenon time) is stored already
   * (or came earlier in the batch), then applies what `rules.summarize` computes from the inserted rows and their
   * ids, and last replaces the quality of the observations `revisions` name (stored earlier or in this batch;
   * one that is not stored is skipped). Resolves, per row, to the new id, or null for a duplicate.
   */
  write(
    rows: readonly ObservationRow[],
    rules: BatchRules,
    revisions?: readonly QcRevision[],
  ): Promise<(number | null)[]>;
}
