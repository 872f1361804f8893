/** TypeBox schemas of the sensor read API: parameters as text (read by read-params.ts), answers as documented. */
import { Type, type TSchema } from '@sinclair/typebox';
import { AGGREGATES, INTERVALS, MAX_BUCKETS } from './series.js';
import { DEFAULT_PAGE, MAX_PAGE, OBSERVATION_QC, SERIES_QC } from './read-params.js';
import { MAX_DOWNLOAD_DAYS } from './readings.service.js';

export const ErrorResponse = { $ref: 'Error#' } as const;

export const DatastreamParams = Type.Object({
  id: Type.String({ description: 'The datastream id (its SensorThings @iot.id).' }),
});
export const DatasetParams = Type.Object({ id: Type.String({ description: 'The dataset id or slug.' }) });

const start = Type.Optional(
  Type.String({
    description: 'Inclusive start, an ISO 8601 instant with a zone (2026-05-01T00:00:00Z).',
    examples: ['2026-05-01T00:00:00Z'],
  }),
);
const end = Type.Optional(
  Type.String({
    description: 'Exclusive end, an ISO 8601 instant with a zone.',
    examples: ['2026-05-02T00:00:00Z'],
  }),
);
const order = Type.Optional(
  Type.String({ description: '`asc` (default: oldest first) or `desc` (newest first), by phenomenon time.' }),
);
const strict = { additionalProperties: false } as const;

const observationQc = Type.Optional(
  Type.String({
    description: `Which observations by QARTOD flag: ${OBSERVATION_QC.map((v) => `\`${v}\``).join(', ')}. \`all\` (default) returns every observation, failed ones included: raw reads are for auditing. \`exclude_failed\` leaves out flag 4, \`failed\` keeps only flag 4, \`pass\` only flag 1. A row stored without a flag counts as 2 (not evaluated).`,
    examples: ['exclude_failed'],
  }),
);

export const ObservationsQuery = Type.Object(
  {
    start,
    end,
    order,
    limit: Type.Optional(
      Type.String({ description: `Observations per page: default ${DEFAULT_PAGE}, at most ${MAX_PAGE}.` }),
    ),
    cursor: Type.Optional(Type.String({ description: 'The token of a `next` link (opaque).' })),
    qc: observationQc,
    format: Type.Optional(
      Type.String({
        description: '`json` (default) or `csv` (every matching row, streamed; no limit or cursor).',
      }),
    ),
  },
  strict,
);

export const ObservationsCsvQuery = Type.Object({ start, end, order, qc: observationQc }, strict);

const interval = Type.String({
  description: `Bucket width: ${INTERVALS.join(', ')}. 1m and 1h read minute and hour rollups, 5m and 15m group minute rollups, 1d reads the rollups of the city's local days (buckets start at local midnight).`,
  examples: ['1h'],
});
const seriesQuery = {
  interval,
  agg: Type.Optional(
    Type.String({
      description: `Comma-separated aggregates among ${AGGREGATES.join(', ')} (default avg,min,max,count). avg = sum / count; first and last are the earliest and latest observation's result in the bucket.`,
      examples: ['avg,max'],
    }),
  ),
  start,
  end,
  qc: Type.Optional(
    Type.String({
      description: `${SERIES_QC.map((v) => `\`${v}\``).join(' or ')}. By default failed values (QARTOD flag 4) are left out of every aggregate, and a bucket whose every value failed is left out; \`all\` keeps every value, as stored.`,
      examples: ['all'],
    }),
  ),
};
export const SeriesQuery = Type.Object(
  { ...seriesQuery, format: Type.Optional(Type.String({ description: '`json` (default) or `csv`.' })) },
  strict,
);
export const SeriesCsvQuery = Type.Object(seriesQuery, strict);

export const DatasetCsvQuery = Type.Object(
  {
    start: Type.Optional(
      Type.String({ description: 'Inclusive start (ISO 8601 with a zone). Default: 24 hours before end.' }),
    ),
    end: Type.Optional(
      Type.String({
        description: `Exclusive end (ISO 8601 with a zone). Default: now, or 24 hours after start. At most ${MAX_DOWNLOAD_DAYS} days after start.`,
      }),
    ),
    qc: observationQc,
  },
  strict,
);

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Unit = Type.Object({
  name: Nullable(Type.String()),
  symbol: Nullable(Type.String()),
  definition: Nullable(Type.String()),
});

const QcFlag = Type.Integer({
  description:
    'QARTOD flag: 1 pass, 2 not evaluated (also for an observation stored without a flag), 3 suspect, 4 fail, 9 missing. The outcome of each test is in resultQuality.qartod.',
  enum: [1, 2, 3, 4, 9],
});

/** An open quality report naming the datastream: the APIs and the pages show it until the report closes. */
export const Investigation = Nullable(
  Type.Object(
    {
      report: Type.String({ description: 'The report number, such as Q26-0001.' }),
      url: Nullable(
        Type.String({
          description: "The report's public status page (path), or null when it is not public.",
        }),
      ),
      since: Type.String({ description: 'When the report was filed (ISO 8601, UTC).' }),
    },
    { description: 'An open quality report about this datastream, or null.' },
  ),
);

export const Observation = Type.Object({
  id: Type.Integer(),
  phenomenonTime: Type.String({ description: 'ISO 8601 instant, or `start/end` for an interval.' }),
  resultTime: Nullable(Type.String()),
  result: Type.Unknown({ description: 'A number, true/false, a category (text) or any JSON value.' }),
  resultQuality: Type.Unknown({
    description: 'As stored: the QC outcome under `qartod` ({flag, tests}) beside what the sender gave.',
  }),
  qcFlag: QcFlag,
  parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

export const ObservationPage = Type.Object({
  datastream: Type.Integer(),
  observations: Type.Array(Observation),
  next: Nullable(
    Type.String({ description: 'URL of the next page (also in the Link header), or null at the end.' }),
  ),
});

const aggregate = (description: string) => Type.Optional(Type.Array(Type.Number(), { description }));
export const Series = Type.Object({
  datastream: Type.Integer(),
  interval: Type.String(),
  timeZone: Type.String({
    description: 'The clock the buckets follow: the city zone for 1d (local midnights), UTC for the others.',
  }),
  unit: Unit,
  start: Type.String({ description: 'The range answered (buckets whose start lies in [start, end)).' }),
  end: Type.String(),
  qc: Type.Union([Type.Literal('exclude_failed'), Type.Literal('all')], {
    description: 'Whether failed values (QARTOD flag 4) were left out (the default) or kept (qc=all).',
  }),
  excluded: Type.Integer({
    description: 'Failed observations left out of the buckets answered (0 with qc=all).',
    minimum: 0,
  }),
  investigation: Investigation,
  buckets: Type.Object(
    {
      start: Type.Array(Type.String(), {
        description: 'Start of each bucket (ISO 8601, UTC), oldest first.',
      }),
      avg: aggregate('Mean of the results (sum / count).'),
      min: aggregate('Smallest result.'),
      max: aggregate('Largest result.'),
      count: aggregate('Number of observations.'),
      sum: aggregate('Sum of the results.'),
      first: aggregate('Result of the earliest observation.'),
      last: aggregate('Result of the latest observation.'),
    },
    {
      description: `Columns: the i-th bucket is the i-th element of \`start\` and of each aggregate asked for. Only buckets with observations; at most ${MAX_BUCKETS}.`,
    },
  ),
});

export const Latest = Type.Object({
  dataset: Type.String(),
  datastreams: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      thing: Type.Object({ id: Type.Integer(), name: Type.String() }),
      observedProperty: Type.String({ description: 'The name of the observed property.' }),
      unit: Nullable(Type.String({ description: 'The symbol of the unit of measurement.' })),
      phenomenonTime: Nullable(Type.String()),
      result: Type.Unknown(),
      resultQuality: Type.Unknown(),
      qcFlag: Nullable(QcFlag),
      investigation: Investigation,
    }),
  ),
});

export const LatestGeoJson = Type.Object({
  type: Type.Literal('FeatureCollection'),
  dataset: Type.String(),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.Integer({ description: 'The datastream id.' }),
      geometry: Type.Unknown({ description: "The Thing's location (GeoJSON geometry), or null." }),
      properties: Type.Object({
        datastream: Type.Integer(),
        name: Type.String(),
        thing: Type.Integer(),
        thingName: Type.String(),
        observedProperty: Type.String(),
        unit: Nullable(Type.String()),
        phenomenonTime: Nullable(Type.String()),
        result: Type.Unknown(),
        resultQuality: Type.Unknown(),
        qcFlag: Nullable(QcFlag),
        investigation: Investigation,
      }),
    }),
  ),
});

export const csvContent = (description: string) => ({
  description,
  content: { 'text/csv': { schema: { type: 'string' } } },
});
