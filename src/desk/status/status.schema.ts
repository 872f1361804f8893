/** The status board's JSON (`GET /api/v1/status`) as a TypeBox schema: validated answers and the API reference. */
import { Type } from '@sinclair/typebox';

const Instant = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const DatasetState = Type.Union([Type.Literal('fresh'), Type.Literal('overdue'), Type.Literal('unknown')]);
const FeedState = Type.Union([
  Type.Literal('fresh'),
  Type.Literal('overdue'),
  Type.Literal('silent'),
  Type.Literal('unknown'),
]);

export const DatasetStatusSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  kind: Type.String({ description: '`table` or `sensor`' }),
  updateFrequency: Type.String({
    description: 'As declared: ISO 8601 `R/P...`, `continuous` or `irregular`',
  }),
  state: DatasetState,
  lastUpdate: Type.Union([Type.String(), Type.Null()], {
    description: 'Last change of the data (for sensor datasets the latest observation), ISO UTC',
  }),
  expectedBy: Instant,
  overdueAfter: Instant,
  openReports: Type.Integer({ minimum: 0, description: 'Open public quality reports about the dataset' }),
});

export const FeedStatusSchema = Type.Object({
  datastreamId: Type.Integer(),
  datasetId: Type.String(),
  name: Type.String(),
  state: FeedState,
  lastObservation: Instant,
  expectedBy: Instant,
  overdueAfter: Instant,
  gapMs: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Gap limit of its quality control: silent past it',
  }),
  investigation: Type.Union([
    Type.Object({
      report: Type.String({ description: 'Report number, such as Q26-0001' }),
      url: Type.Union([Type.String(), Type.Null()], { description: 'Public page of the report, if public' }),
      since: Type.String(),
    }),
    Type.Null(),
  ]),
});

export const StatusBoardSchema = Type.Object(
  {
    generatedAt: Type.String({ format: 'date-time' }),
    counts: Type.Object({ fresh: Type.Integer(), overdue: Type.Integer(), unknown: Type.Integer() }),
    feedCounts: Type.Object({
      fresh: Type.Integer(),
      overdue: Type.Integer(),
      silent: Type.Integer(),
      unknown: Type.Integer(),
    }),
    datasets: Type.Array(DatasetStatusSchema),
    feeds: Type.Array(FeedStatusSchema),
  },
  { title: 'StatusBoard' },
);
