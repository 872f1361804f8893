/**
 * SensorThings 1.1 updates of the entities that carry quality control configuration: `PATCH
 * /Datastreams({id})` and `PATCH /ObservedProperties({id})` (name, description, definition, properties). A
 * `properties.qc` is checked before anything is written (400 `qc.invalid_config` naming the field), and the
 * datastreams it configures are judged by it from their next observation.
 */
import { AppError, errors, qcErrors } from '../../errors.js';
import { parseQcConfig } from '../../sensors/qc/qc-config.js';
import type { StaWriteRepo } from './sta-write.repo.js';

export type PatchableEntity = 'Datastreams' | 'ObservedProperties';

const FIELDS: Record<PatchableEntity, readonly string[]> = {
  Datastreams: ['name', 'description', 'properties'],
  ObservedProperties: ['name', 'definition', 'description', 'properties'],
};

const SINGULAR: Record<PatchableEntity, string> = {
  Datastreams: 'Datastream',
  ObservedProperties: 'ObservedProperty',
};

export interface StaEntityWriteOptions {
  repo: Pick<StaWriteRepo, 'updateEntity'>;
  /** Forgets the quality control configuration of a datastream (its id), or of all (an ObservedProperty). */
  invalidateQc(datastreamId?: number): void;
}

/** The columns to update, from a PATCH body; a clear error for anything else. */
function changes(entity: PatchableEntity, id: number, body: unknown): Record<string, string | null> {
  const label = `${SINGULAR[entity]} ${id}`;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw errors.badRequest(
      'sensors.invalid_entity',
      `The body must be a JSON object of the ${label}'s members.`,
    );
  }
  const allowed = FIELDS[entity];
  const values: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (!allowed.includes(key)) {
      throw errors.staUnsupported(
        `${key} of a ${SINGULAR[entity]} cannot be changed here; PATCH may change ${allowed.join(', ')}.`,
        { allowed },
      );
    }
    if (key === 'properties') {
      if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
        throw errors.badRequest(
          'sensors.invalid_entity',
          `properties of ${label} must be a JSON object or null.`,
        );
      }
      const qc = (value as Record<string, unknown> | null)?.qc;
      if (qc !== undefined && qc !== null) {
        const parsed = parseQcConfig(qc);
        if ('problems' in parsed) throw qcErrors.invalidConfig(label, parsed.problems);
      }
      values.properties = value === null ? null : JSON.stringify(value);
      continue;
    }
    if (typeof value !== 'string' || (key === 'name' && value.trim() === '')) {
      throw errors.badRequest(
        'sensors.invalid_entity',
        `${key} of ${label} must be ${key === 'name' ? 'a non-empty string' : 'a string'}.`,
      );
    }
    values[key] = value;
  }
  return values;
}

export function staEntityWriteService({ repo, invalidateQc }: StaEntityWriteOptions) {
  return {
    /** Applies a PATCH; resolves when it is stored and the quality control configuration is refreshed. */
    async patch(entity: PatchableEntity, id: number, body: unknown): Promise<void> {
      const values = changes(entity, id, body);
      const table = entity === 'Datastreams' ? 'sensor_datastreams' : 'sensor_observed_properties';
      if (!(await repo.updateEntity(table, id, values))) {
        throw new AppError(
          'sta.not_found',
          404,
          `There is no ${SINGULAR[entity]} ${id}; list them at /sta/v1.1/${entity}.`,
        );
      }
      if ('properties' in values) invalidateQc(entity === 'Datastreams' ? id : undefined);
    },
  };
}

export type StaEntityWriteService = ReturnType<typeof staEntityWriteService>;
