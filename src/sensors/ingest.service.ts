/**
 * Ingest: checks each observation on its own (a bad one is rejected with a reason, the rest of its batch goes
 * on), then hands the good ones to a group committer. Batches that arrive while a commit is running wait and
 * share the next transaction, so a thousand devices publishing one value each cost a few commits, not a
 * thousand. A caller's promise resolves only after its rows are committed: HTTP answers and MQTT PUBACKs wait
 * on it. Live subscribers hear of the rows after the commit.
 */
import type { ObservationRow, ObservationStore, QcRevision } from '../db/observation-store.js';
import { batchRules } from './batch-rules.js';
import type { DatastreamInfo } from './model.js';
import type { ModelService } from './model.service.js';
import type { QcBatch, QcIngest } from './qc/qc-ingest.js';
import { qualityValue } from './qc/qc-quality.js';
import type { SensorFault } from './qc/qc.types.js';
import { formatInstant, formatSpan, parseInstant, parseTimeOrInterval } from './time.js';

/** An observation as a client sends it (SensorThings field names); anything may be wrong with it. */
export interface ObservationInput {
  datastreamId: unknown;
  phenomenonTime?: unknown;
  result?: unknown;
  resultTime?: unknown;
  resultQuality?: unknown;
  parameters?: unknown;
  featureOfInterestId?: unknown;
}

/** Who is writing: the admin (any datastream) or a device (only the datastreams of its Thing). */
export type Writer = { kind: 'admin' } | { kind: 'device'; thingId: number; tokenId: string };

export type ItemResult =
  | { status: 'created'; id: number }
  | { status: 'duplicate' }
  | { status: 'rejected'; code: string; reason: string };

/** A committed observation, as live feeds carry it. */
export interface ObservationEvent {
  id: number;
  datastreamId: number;
  datasetId: string | null;
  thingId: number;
  phenomenonTime: string;
  resultTime: string | null;
  result: unknown;
  resultQuality: unknown;
}

/** Observations further ahead of the server's clock than this are refused (a device's clock is wrong). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** The most rows one transaction takes; a larger backlog is committed in several. */
const MAX_GROUP_ROWS = 20_000;

const reject = (code: string, reason: string): ItemResult => ({ status: 'rejected', code, reason });
const DUPLICATE: ItemResult = Object.freeze({ status: 'duplicate' });

/** An accepted item: the row to store, and the time as the client wrote it when that is already canonical. */
type Checked =
  { row: ObservationRow; info: DatastreamInfo; result: unknown; time: string | null } | ItemResult;

/** `2026-05-01T13:00:00.000Z` is what formatInstant would write: live events can reuse the client's text. */
const canonical = (text: unknown): string | null =>
  typeof text === 'string' && text.length === 24 && text[19] === '.' ? text : null;

/** Checks one item against its datastream; returns the row to store or the rejection. */
function check(
  item: ObservationInput,
  info: DatastreamInfo | undefined,
  writer: Writer,
  now: number,
  features: ReadonlySet<number>,
): Checked {
  if (!info) {
    return reject(
      'observation.unknown_datastream',
      `No datastream ${JSON.stringify(item.datastreamId)}; list datastreams at /sta/v1.1/Datastreams.`,
    );
  }
  if (writer.kind === 'device' && writer.thingId !== info.thingId) {
    return reject(
      'observation.forbidden_datastream',
      `This device may write only to the datastreams of Thing ${writer.thingId}; datastream ${info.id} belongs to another Thing.`,
    );
  }
  let start = now;
  let end: number | null = null;
  if (item.phenomenonTime !== undefined && item.phenomenonTime !== null) {
    const span =
      typeof item.phenomenonTime === 'string' ? parseTimeOrInterval(item.phenomenonTime) : undefined;
    if (!span) {
      return reject(
        'observation.invalid_time',
        'phenomenonTime must be an ISO 8601 instant with a zone, such as 2026-05-01T13:00:00Z, or an interval start/end.',
      );
    }
    ({ start, end } = span);
  }
  if ((end ?? start) > now + FUTURE_TOLERANCE_MS) {
    return reject(
      'observation.future_time',
      `phenomenonTime ${formatInstant(end ?? start)} is more than 5 minutes ahead of the server clock (${formatInstant(now)}); check the device clock and its time zone.`,
    );
  }
  let resultTime: number | null = null;
  if (item.resultTime !== undefined && item.resultTime !== null) {
    const parsed = typeof item.resultTime === 'string' ? parseInstant(item.resultTime) : undefined;
    if (parsed === undefined) {
      return reject(
        'observation.invalid_time',
        'resultTime must be an ISO 8601 instant with a zone, or null.',
      );
    }
    resultTime = parsed;
  }
  const result = item.result;
  let resultNumber: number | null = null;
  let resultJson: string | null = null;
  switch (info.kind) {
    case 'number':
    case 'integer':
      if (
        typeof result !== 'number' ||
        !Number.isFinite(result) ||
        (info.kind === 'integer' && !Number.isInteger(result))
      ) {
        return reject(
          'observation.invalid_result',
          `Datastream ${info.id} takes ${info.kind === 'integer' ? 'whole numbers (a count)' : 'numbers'}; got ${JSON.stringify(result) ?? 'nothing'}.`,
        );
      }
      resultNumber = result;
      break;
    case 'boolean':
      if (typeof result !== 'boolean') {
        return reject(
          'observation.invalid_result',
          `Datastream ${info.id} takes true or false; got ${JSON.stringify(result) ?? 'nothing'}.`,
        );
      }
      resultNumber = result ? 1 : 0;
      resultJson = result ? 'true' : 'false';
      break;
    case 'text':
      if (typeof result !== 'string' || result.length === 0 || result.length > 1000) {
        return reject(
          'observation.invalid_result',
          `Datastream ${info.id} takes a category as text (1 to 1000 characters); got ${JSON.stringify(result) ?? 'nothing'}.`,
        );
      }
      resultJson = JSON.stringify(result);
      break;
    case 'any':
      if (result === undefined) return reject('observation.invalid_result', 'The observation has no result.');
      resultJson = JSON.stringify(result);
      if (resultJson.length > 64 * 1024) {
        return reject('observation.invalid_result', 'The result is larger than 64 KiB.');
      }
      break;
  }
  if (
    item.parameters !== undefined &&
    item.parameters !== null &&
    (typeof item.parameters !== 'object' || Array.isArray(item.parameters))
  ) {
    return reject('observation.invalid_parameters', 'parameters must be a JSON object.');
  }
  let featureId = null;
  if (item.featureOfInterestId !== undefined && item.featureOfInterestId !== null) {
    if (!Number.isSafeInteger(item.featureOfInterestId)) {
      return reject(
        'observation.invalid_feature',
        'FeatureOfInterest must be referenced by its integer @iot.id.',
      );
    }
    featureId = item.featureOfInterestId as number;
    if (!features.has(featureId)) {
      return reject(
        'observation.unknown_feature',
        `No FeatureOfInterest ${featureId}; list them at /sta/v1.1/FeaturesOfInterest, or leave it out to observe the Thing's location.`,
      );
    }
  }
  const quality =
    item.resultQuality === undefined || item.resultQuality === null
      ? null
      : JSON.stringify(item.resultQuality);
  return {
    info,
    result,
    time: end === null ? canonical(item.phenomenonTime) : null,
    row: {
      datastreamId: info.id,
      phenomenonTime: start,
      phenomenonEnd: end,
      resultTime,
      resultNumber,
      resultJson,
      resultQuality: quality,
      parameters: item.parameters ? JSON.stringify(item.parameters) : null,
      featureId,
      receivedAt: now,
      qcFlag: null,
      qcTests: null,
    },
  };
}

interface Pending {
  rows: ObservationRow[];
  revisions: QcRevision[];
  resolve(ids: (number | null)[]): void;
  reject(error: unknown): void;
}

export interface IngestOptions {
  store: ObservationStore;
  model: ModelService;
  timeZone: string;
  now?: () => number;
  /** Quality control of each accepted observation before its commit; absent: none (flags stay null). */
  qc?: { judge: QcIngest; emit(fault: SensorFault): void };
  /** Told about rejections a city would want in its logs (a device writing where it may not). */
  warn?: (message: string, details: Record<string, unknown>) => void;
}

/** How one batch is taken in. */
export interface IngestCallOptions {
  /** False keeps the batch out of the live feeds (history loaded in bulk). */
  live?: boolean;
  /** When the batch reached Plaza (epoch ms): one time for all, or one per item; the server clock by default. */
  receivedAt?: number | readonly number[];
}

export function ingestService({
  store,
  model,
  timeZone,
  now = () => Date.now(),
  qc,
  warn = () => undefined,
}: IngestOptions) {
  const listeners = new Set<(events: ObservationEvent[]) => void>();
  const queue: Pending[] = [];
  let flushing: Promise<void> | undefined;
  let newest: Map<string, number> | undefined;

  const rules = batchRules(timeZone);

  /** Runs a listener; a failing one is logged, never the writer's error (the rows are committed). */
  function report(run: () => void, who: string): void {
    try {
      run();
    } catch (error) {
      warn(`${who} failed`, { err: error });
    }
  }

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      let take = 0;
      let size = 0;
      while (take < queue.length && (take === 0 || size + queue[take]!.rows.length <= MAX_GROUP_ROWS)) {
        size += queue[take]!.rows.length;
        take++;
      }
      const group = queue.splice(0, take);
      const rows = group.length === 1 ? group[0]!.rows : group.flatMap((p) => p.rows);
      const revisions = group.length === 1 ? group[0]!.revisions : group.flatMap((p) => p.revisions);
      try {
        const ids = await store.write(rows, rules, revisions);
        let at = 0;
        for (const pending of group) {
          pending.resolve(ids.slice(at, at + pending.rows.length));
          at += pending.rows.length;
        }
      } catch (error) {
        for (const pending of group) pending.reject(error);
      }
    }
  }

  /** Starts a flush on the next turn of the event loop, so that the batches of this turn share its transaction. */
  function schedule(): void {
    flushing ??= new Promise<void>((done) => setImmediate(done)).then(flush).finally(() => {
      flushing = undefined;
      if (queue.length > 0) schedule();
    });
  }

  /** Queues rows for the next commit; resolves with their ids (null: already stored) once committed. */
  function commit(rows: ObservationRow[], revisions: QcRevision[]): Promise<(number | null)[]> {
    return new Promise((resolve, reject) => {
      queue.push({ rows, revisions, resolve, reject });
      schedule();
    });
  }

  return {
    /**
     * Stores a batch: each item is created, a duplicate of a stored one (same datastream and phenomenon time),
     * or rejected with a reason. Resolves after the created ones are committed; rejects only when storage fails,
     * and then nothing of the batch was stored. `live: false` keeps the batch out of the live feeds: history
     * loaded in bulk (a backfill) is not news to subscribers. `receivedAt` (epoch ms, one for the batch or one
     * per item) is when the batch reached Plaza, the server's clock by default; history loaded in bulk gives
     * the times its devices sent it, so that the future-time check and quality control judge it as they
     * would have judged it live.
     */
    async ingest(
      items: readonly ObservationInput[],
      writer: Writer,
      { live = true, receivedAt }: IngestCallOptions = {},
    ): Promise<ItemResult[]> {
      const clock = receivedAt === undefined ? now() : 0;
      const timeOf =
        receivedAt === undefined
          ? () => clock
          : typeof receivedAt === 'number'
            ? () => receivedAt
            : (index: number) => receivedAt[index] ?? now();
      const ids = new Set<number>();
      for (const item of items)
        if (Number.isSafeInteger(item.datastreamId)) ids.add(item.datastreamId as number);
      const infos = await model.datastreams(ids);
      const featureIds = new Set<number>();
      for (const item of items) {
        if (Number.isSafeInteger(item.featureOfInterestId))
          featureIds.add(item.featureOfInterestId as number);
      }
      const features = await model.existingFeatures([...featureIds]);
      // Quality control state of these datastreams in memory before any row is judged (no await in between
      // judging rows: batches are judged whole, in the order they arrive).
      const preparing = qc?.judge.prepare(infos.keys());
      if (preparing) await preparing;
      const results: ItemResult[] = new Array(items.length);
      // Parallel arrays rather than an object per accepted item: ingest handles a few hundred thousand a second.
      const rows: ObservationRow[] = [];
      const accepted: number[] = [];
      const infosOf: DatastreamInfo[] = [];
      const values: unknown[] = [];
      const times: (string | null)[] = [];
      const batch: QcBatch | undefined = qc?.judge.batch();
      let newestAt = 0;
      for (let index = 0; index < items.length; index++) {
        const item = items[index]!;
        const at = timeOf(index);
        const checked = check(item, infos.get(item.datastreamId as number), writer, at, features);
        if ('status' in checked) {
          results[index] = checked;
          if (
            checked.status === 'rejected' &&
            checked.code === 'observation.forbidden_datastream' &&
            writer.kind === 'device'
          ) {
            warn('device wrote to a datastream it does not own', {
              token: writer.tokenId,
              thing: writer.thingId,
              datastream: item.datastreamId,
            });
          }
          continue;
        }
        if (at > newestAt) newestAt = at;
        if (batch) {
          const row = checked.row;
          qc!.judge.judge(row, checked.info.kind, batch);
        }
        rows.push(checked.row);
        accepted.push(index);
        infosOf.push(checked.info);
        values.push(checked.result);
        times.push(checked.time);
      }
      if (rows.length === 0) return results;
      let stored: (number | null)[];
      try {
        stored = await commit(rows, batch?.revisions ?? []);
      } catch (error) {
        // Not stored: the judging state moved on for rows that are not there; read it again from storage.
        qc?.judge.forget(infos.keys());
        throw error;
      }
      const events: ObservationEvent[] = [];
      const datasets = new Set<string>();
      for (let i = 0; i < rows.length; i++) {
        const id = stored[i];
        if (id === null || id === undefined) {
          results[accepted[i]!] = DUPLICATE;
          continue;
        }
        results[accepted[i]!] = { status: 'created', id };
        const row = rows[i]!;
        const info = infosOf[i]!;
        if (info.datasetId !== null) datasets.add(info.datasetId);
        if (!live) continue;
        events.push({
          id,
          datastreamId: info.id,
          datasetId: info.datasetId,
          thingId: info.thingId,
          phenomenonTime: times[i] ?? formatSpan(row.phenomenonTime, row.phenomenonEnd),
          resultTime: row.resultTime === null ? null : formatInstant(row.resultTime),
          result: values[i],
          resultQuality: qualityValue(row.resultQuality, row.qcFlag ?? null, row.qcTests ?? null),
        });
      }
      if (newest) {
        for (const dataset of datasets) newest.set(dataset, Math.max(newest.get(dataset) ?? 0, newestAt));
      }
      if (batch)
        for (const fault of batch.faults) report(() => qc!.emit(fault), 'a listener of sensor faults');
      // The rows are committed whatever a listener does: a failing one is reported, never the writer's error.
      if (events.length > 0) {
        for (const listener of listeners)
          report(() => listener(events), 'a listener of committed observations');
      }
      return results;
    },

    /** Hears of every committed observation, in commit order. Returns how to stop listening. */
    onCommitted(listener: (events: ObservationEvent[]) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** When each sensor dataset last received an observation (ISO), for the catalog's data_updated_at. */
    async liveUpdates(): Promise<Map<string, string>> {
      newest ??= await model.newestByDataset();
      return new Map([...newest].map(([id, ms]) => [id, formatInstant(ms)]));
    },

    /** Resolves when everything queued so far is committed. */
    async drain(): Promise<void> {
      while (flushing) await flushing;
    },
  };
}

export type IngestService = ReturnType<typeof ingestService>;
