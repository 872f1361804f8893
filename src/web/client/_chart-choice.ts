/**
 * What the dataset page's chart shows: a datastream, an interval and a period, read from the page's query
 * (`chart_stream`, `chart_interval`, `chart_period`, so that the choice works as a plain GET form) and turned
 * into the series API's parameters. Shared by the server (the first render and the download links) and the
 * chart island (every change). Pure: no DOM, no Node.
 */

export const INTERVALS = ['5m', '1h', '1d'] as const;
export const PERIODS = ['24h', '7d', '30d', '1y'] as const;
export type Interval = (typeof INTERVALS)[number];
export type Period = (typeof PERIODS)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const PERIOD_MS: Readonly<Record<Period, number>> = {
  '24h': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
  '1y': 365 * DAY,
};

export const DEFAULT_INTERVAL: Interval = '1h';
export const DEFAULT_PERIOD: Period = '7d';
/** The aggregates the chart reads: the line, the band around it, the summary and the table. */
export const AGGREGATES = 'avg,min,max,count,last';

export interface ChartChoice {
  datastream: number;
  interval: Interval;
  period: Period;
  /** True when the asked interval was changed (five-minute buckets over a year are too many to draw). */
  adjusted: boolean;
}

const isInterval = (v: unknown): v is Interval => (INTERVALS as readonly unknown[]).includes(v);
const isPeriod = (v: unknown): v is Period => (PERIODS as readonly unknown[]).includes(v);

/** The choice a query asks for, within the datastreams offered (the first one by default). */
export function readChoice(query: URLSearchParams, datastreams: readonly number[]): ChartChoice | null {
  const asked = Number(query.get('chart_stream'));
  const datastream = datastreams.includes(asked) ? asked : datastreams[0];
  if (datastream === undefined) return null;
  const period = isPeriod(query.get('chart_period')) ? (query.get('chart_period') as Period) : DEFAULT_PERIOD;
  let interval = isInterval(query.get('chart_interval'))
    ? (query.get('chart_interval') as Interval)
    : DEFAULT_INTERVAL;
  const adjusted = interval === '5m' && period === '1y';
  if (adjusted) interval = '1h';
  return { datastream, interval, period, adjusted };
}

/** The period's range: it ends at the next full hour (so links stay the same for an hour) and spans the period. */
export function range(period: Period, now: number): { start: string; end: string } {
  const end = Math.ceil(now / HOUR) * HOUR;
  return { start: new Date(end - PERIOD_MS[period]).toISOString(), end: new Date(end).toISOString() };
}

/** The series API's URL for a choice (`.csv` for the download). */
export function seriesUrl(choice: ChartChoice, now: number, format: 'json' | 'csv' = 'json'): string {
  const { start, end } = range(choice.period, now);
  const query = new URLSearchParams({ interval: choice.interval, agg: AGGREGATES, start, end });
  return `/api/v1/datastreams/${choice.datastream}/series${format === 'csv' ? '.csv' : ''}?${query.toString()}`;
}

/** The page's own query for a choice, as the GET form would send it. */
export function choiceQuery(choice: ChartChoice): string {
  return new URLSearchParams({
    chart_stream: String(choice.datastream),
    chart_interval: choice.interval,
    chart_period: choice.period,
  }).toString();
}
