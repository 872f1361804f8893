/**
 * SensorThings 1.1 writes: Observations created one at a time (`POST .../Observations`) or many at once in the
 * dataArray shape (`POST /CreateObservations`). Each goes through the sensors' ingest, with its checks, its
 * device rules, its group commit and its live feeds; this side only reads the standard's requests and writes
 * the standard's answers.
 */
import type { Viewer } from '../../catalog/catalog.service.js';
import { AppError } from '../../errors.js';
import { readDataArray } from '../../sensors/data-array.js';
import type { IngestService, ObservationInput, Writer } from '../../sensors/ingest.service.js';
import { formatInstant, parseTimeOrInterval } from '../../sensors/time.js';
import { ENTITIES } from './model.js';
import { readObservation } from './observation-body.js';
import { selfLink } from './render.js';
import type { SensorThingsService } from './sta.service.js';
import type { StaWriteRepo } from './sta-write.repo.js';

export interface StaWriteOptions {
  ingest: Pick<IngestService, 'ingest'>;
  repo: StaWriteRepo;
  /** Shows a created Observation as a GET of it would. */
  reader: Pick<SensorThingsService, 'read' | 'links'>;
}

/** What `CreateObservations` answers for a row that was not stored, as the standard writes it. */
export const ROW_ERROR = 'error';

/** Whoever may write an observation may see it: the answer is rendered without dataset visibility rules. */
const WRITER_VIEW: Viewer = { admin: true };

/** The HTTP status of an ingest rejection; an unknown datastream is a missing resource only when in the path. */
function rejectionStatus(code: string, datastreamInPath: boolean): number {
  switch (code) {
    case 'observation.unknown_datastream':
      return datastreamInPath ? 404 : 400;
    case 'observation.forbidden_datastream':
      return 403;
    default:
      return 400;
  }
}

const unknownFeature = (id: number) =>
  new AppError(
    'observation.unknown_feature',
    400,
    `There is no FeatureOfInterest ${id}; link one listed at /sta/v1.1/FeaturesOfInterest, or leave it out.`,
    { id },
  );

/** The phenomenon time (start, epoch ms) a duplicate collided at; undefined when the server chose it. */
function phenomenonStart(input: ObservationInput): number | undefined {
  return typeof input.phenomenonTime === 'string'
    ? parseTimeOrInterval(input.phenomenonTime)?.start
    : undefined;
}

export function staWriteService({ ingest, repo, reader }: StaWriteOptions) {
  const observationLink = (id: number) => selfLink(reader.links, ENTITIES.Observation, id);

  /** FeatureOfInterest ids that the inputs link but that do not exist. */
  async function missingFeatures(inputs: readonly ObservationInput[]): Promise<Set<number>> {
    const linked = inputs
      .map((i) => i.featureOfInterestId)
      .filter((id): id is number => typeof id === 'number' && Number.isSafeInteger(id));
    if (linked.length === 0) return new Set();
    const existing = await repo.existingFeatures(linked);
    return new Set(linked.filter((id) => !existing.has(id)));
  }

  /** The stored observations that duplicates collided with, by index into `inputs`. */
  async function storedIds(inputs: readonly ObservationInput[], indexes: readonly number[]) {
    const byDatastream = new Map<number, { index: number; time: number }[]>();
    for (const index of indexes) {
      const input = inputs[index]!;
      const time = phenomenonStart(input);
      if (time === undefined) continue;
      const id = input.datastreamId as number;
      let list = byDatastream.get(id);
      if (!list) byDatastream.set(id, (list = []));
      list.push({ index, time });
    }
    const found = new Map<number, number>();
    for (const [datastreamId, list] of byDatastream) {
      const ids = await repo.observationIdsAt(
        datastreamId,
        list.map((l) => l.time),
      );
      for (const { index, time } of list) {
        const id = ids.get(time);
        if (id !== undefined) found.set(index, id);
      }
    }
    return found;
  }

  return {
    /**
     * Creates one Observation from the standard's entity body; `datastreamId` when the path names the
     * Datastream. Returns the new entity's selfLink and the entity as `GET` shows it. A duplicate (same
     * datastream and phenomenonTime already stored) is `observation.duplicate` (409) with the stored one's
     * selfLink; a rejection keeps the ingest's code and reason.
     */
    async createObservation(
      body: unknown,
      datastreamId: number | undefined,
      writer: Writer,
    ): Promise<{ location: string; entity: unknown }> {
      const input = readObservation(body, datastreamId);
      const [missing] = await missingFeatures([input]);
      if (missing !== undefined) throw unknownFeature(missing);
      const result = (await ingest.ingest([input], writer))[0]!;
      switch (result.status) {
        case 'created': {
          const { id } = result;
          const shown = await reader.read(`Observations(${id})`, [], WRITER_VIEW);
          return { location: observationLink(id), entity: shown.kind === 'json' ? shown.body : null };
        }
        case 'duplicate': {
          const stored = (await storedIds([input], [0])).get(0);
          const at = phenomenonStart(input);
          const link = stored === undefined ? undefined : observationLink(stored);
          throw new AppError(
            'observation.duplicate',
            409,
            `Datastream ${String(input.datastreamId)} already has an Observation at ${at === undefined ? 'this phenomenonTime' : formatInstant(at)}${link ? ` (${link})` : ''}; a datastream keeps one Observation per phenomenonTime, and the stored one is kept.`,
            link ? { '@iot.selfLink': link } : undefined,
          );
        }
        case 'rejected': {
          const { code, reason } = result;
          throw new AppError(code, rejectionStatus(code, datastreamId !== undefined), reason);
        }
      }
    },

    /**
     * Creates Observations from the dataArray shape. Answers one string per row, in order: the new
     * Observation's selfLink, the stored Observation's selfLink for a duplicate (so that a device that resends
     * a batch after a lost answer learns where its rows are), or `"error"` for a rejected row.
     */
    async createObservations(body: unknown, writer: Writer): Promise<string[]> {
      const inputs = readDataArray(body).map((item) => item.input);
      const answers: string[] = inputs.map(() => ROW_ERROR);
      const missing = await missingFeatures(inputs);
      const accepted = inputs.flatMap((input, index) =>
        missing.has(input.featureOfInterestId as number) ? [] : [index],
      );
      const results = await ingest.ingest(
        accepted.map((index) => inputs[index]!),
        writer,
      );
      const duplicates: number[] = [];
      results.forEach((result, j) => {
        const index = accepted[j]!;
        if (result.status === 'created') answers[index] = observationLink(result.id);
        else if (result.status === 'duplicate') duplicates.push(index);
      });
      for (const [index, id] of await storedIds(inputs, duplicates)) answers[index] = observationLink(id);
      return answers;
    },
  };
}

export type StaWriteService = ReturnType<typeof staWriteService>;
