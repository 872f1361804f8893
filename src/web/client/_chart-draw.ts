/**
 * The chart itself: uPlot with the mean per interval as a line and the minimum and maximum as a band around
 * it, times on the city's clock when the page names its zone, axis labels in the page's language.
 */
import uPlot from 'uplot';
import type { SeriesAnswer } from './_chart-summary.js';

const HEIGHT = 280;

export interface DrawOptions {
  locale: string;
  timeZone: string | null;
  value: (v: number) => string;
}

const DAY_S = 86_400;

/**
 * Labels of the time axis, from the distance between ticks: hours (with the date where the day changes), days,
 * or months.
 */
function timeLabels(locale: string, timeZone: string | undefined) {
  const hour = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const day = new Intl.DateTimeFormat(locale, { timeZone, month: 'short', day: 'numeric' });
  const month = new Intl.DateTimeFormat(locale, { timeZone, month: 'short', year: 'numeric' });
  return (splits: number[], increment: number): string[] => {
    if (increment >= 28 * DAY_S) return splits.map((s) => month.format(new Date(s * 1000)));
    if (increment >= DAY_S) return splits.map((s) => day.format(new Date(s * 1000)));
    let previous = '';
    return splits.map((s) => {
      const date = day.format(new Date(s * 1000));
      const time = hour.format(new Date(s * 1000));
      const label = date === previous ? time : `${time}\n${date}`;
      previous = date;
      return label;
    });
  };
}

const column = (values: (number | null)[] | undefined, n: number): (number | null)[] =>
  values ?? new Array<number | null>(n).fill(null);

/** Draws the answer into the element (replacing an earlier chart); returns the chart, to resize or destroy. */
export function drawChart(element: HTMLElement, answer: SeriesAnswer, options: DrawOptions): uPlot {
  const b = answer.buckets;
  const n = b.start.length;
  const xs = b.start.map((s) => Date.parse(s) / 1000);
  const labels = timeLabels(options.locale, options.timeZone ?? undefined);
  const axis = { stroke: '#1b1b1b', grid: { stroke: '#dfe1e2', width: 1 }, ticks: { stroke: '#71767a' } };
  const width = Math.max(280, element.clientWidth);
  const chart = new uPlot(
    {
      width,
      height: HEIGHT,
      legend: { show: false },
      cursor: { points: { size: 8 } },
      ...(options.timeZone
        ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1e3), options.timeZone!) }
        : {}),
      scales: { x: { time: true } },
      series: [
        {},
        { stroke: '#71767a', width: 1 },
        { stroke: '#71767a', width: 1 },
        { stroke: '#1a4480', width: 2, points: { show: n <= 60 } },
      ],
      bands: [{ series: [2, 1], fill: 'rgba(35, 120, 195, 0.18)' }],
      axes: [
        { ...axis, size: 56, values: (_u, splits, _axis, _space, increment) => labels(splits, increment) },
        { ...axis, size: 64, values: (_u, splits) => splits.map((s) => options.value(s)) },
      ],
    },
    [xs, column(b.min, n), column(b.max, n), column(b.avg, n)],
    element,
  );
  return chart;
}
