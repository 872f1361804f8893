/**
 * The dataset page's chart island: draws the chosen series (from the series API) with its text summary and
 * data table, and redraws on every change of the form without reloading the page (the address follows, so the
 * view can be shared). Says plainly when the period has no data.
 */
import type uPlot from 'uplot';
import { DATE_TIME_OPTIONS } from '../format.js';
import {
  choiceQuery,
  range,
  seriesUrl,
  type ChartChoice,
  type Interval,
  type Period,
} from './_chart-choice.js';
import { drawChart } from './_chart-draw.js';
import { bucketTable, summarize, type SeriesAnswer, type TableText } from './_chart-summary.js';
import { badgeText, reportUrl, type Investigation } from './_report-link.js';

interface ChartConfig {
  datastreams: Record<string, { name: string; unit: string | null; investigation?: Investigation | null }>;
  choice: ChartChoice;
  dataset: string;
  locale: string;
  timeZone: string | null;
  text: TableText & {
    chosen: string;
    intervals: Record<Interval, string>;
    periods: Record<Period, string>;
    adjusted: string;
    label: string;
    loading: string;
    noData: string;
    failed: string;
    summary: string;
    investigation: string;
  };
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);

function start(section: HTMLElement, config: ChartConfig): void {
  const form = section.querySelector<HTMLFormElement>('form.chart-form');
  const frame = section.querySelector<HTMLElement>('#chart-frame');
  const canvas = section.querySelector<HTMLElement>('#chart-canvas');
  const summary = section.querySelector<HTMLElement>('.chart-summary');
  const tableBody = section.querySelector<HTMLElement>('.chart-table-body');
  const details = section.querySelector<HTMLDetailsElement>('details.chart-table');
  const chosen = section.querySelector<HTMLElement>('.chart-chosen');
  const links = section.querySelectorAll<HTMLAnchorElement>('.chart-links a');
  const reportLink = section.querySelector<HTMLAnchorElement>('a[data-chart-report]');
  const badge = section.querySelector<HTMLElement>('[data-chart-investigation]');
  if (!form || !frame || !canvas || !summary || !tableBody || !details) return;
  frame.hidden = false;
  const text = config.text;
  const zone = config.timeZone ?? undefined;
  const number = new Intl.NumberFormat(config.locale, { maximumFractionDigits: 2 });
  const whole = new Intl.NumberFormat(config.locale);
  // As the server writes times: with the zone's name, since the browser's zone may not be the city's.
  const when = new Intl.DateTimeFormat(config.locale, { ...DATE_TIME_OPTIONS, timeZone: zone });
  let chart: uPlot | undefined;
  let asked = 0;

  const read = (): ChartChoice => {
    const data = new FormData(form);
    const period = String(data.get('chart_period')) as Period;
    let interval = String(data.get('chart_interval')) as Interval;
    const adjusted = interval === '5m' && period === '1y';
    if (adjusted) interval = '1h';
    return { datastream: Number(data.get('chart_stream')), interval, period, adjusted };
  };

  /** The sensor's badge: from the series answer when it says, else from the page's latest readings. */
  const mark = (investigation: Investigation | null | undefined) => {
    if (!badge) return;
    badge.hidden = !investigation;
    if (!investigation) return badge.replaceChildren();
    const words = badgeText(text.investigation, investigation);
    if (investigation.url) {
      const link = document.createElement('a');
      link.href = investigation.url;
      link.textContent = words;
      badge.replaceChildren(link);
    } else badge.replaceChildren(words);
  };

  async function show(choice: ChartChoice) {
    const ticket = ++asked;
    const stream = config.datastreams[String(choice.datastream)];
    const name = stream ? (stream.unit ? `${stream.name} (${stream.unit})` : stream.name) : '';
    const unit = stream?.unit ? ` ${stream.unit}` : '';
    const value = (v: number | null | undefined) =>
      typeof v === 'number' ? `${number.format(v)}${unit}` : '—';
    const now = Date.now();
    if (chosen) {
      chosen.textContent =
        fill(text.chosen, {
          series: name,
          interval: text.intervals[choice.interval],
          period: text.periods[choice.period].toLowerCase(),
        }) + (choice.adjusted ? ` ${text.adjusted}` : '');
    }
    const [csv, json] = links;
    if (csv) csv.href = seriesUrl(choice, now, 'csv');
    if (json) json.href = seriesUrl(choice, now);
    const period = range(choice.period, now);
    if (reportLink)
      reportLink.href = reportUrl(config.dataset, {
        datastream: choice.datastream,
        ...{ from: period.start, to: period.end },
      });
    mark(stream?.investigation);
    canvas!.setAttribute('aria-label', fill(text.label, { series: name }));
    summary!.textContent = text.loading;

    let answer: SeriesAnswer;
    try {
      const res = await fetch(seriesUrl(choice, now));
      const body = (await res.json()) as SeriesAnswer & { error?: { message?: string } };
      if (!res.ok) throw new Error(body.error?.message ?? String(res.status));
      answer = body;
    } catch (error) {
      if (ticket !== asked) return;
      summary!.textContent = fill(text.failed, { reason: (error as Error).message });
      return;
    }
    if (ticket !== asked) return;
    const said = (answer as SeriesAnswer & { investigation?: Investigation | null }).investigation;
    if (said !== undefined) mark(said);
    chart?.destroy();
    chart = undefined;
    const stats = summarize(answer);
    if (!stats) {
      summary!.textContent = text.noData;
      canvas!.hidden = true;
      details!.hidden = true;
      tableBody!.replaceChildren();
      section.dataset.buckets = '0';
      return;
    }
    const { start: from, end: to } = range(choice.period, now);
    summary!.textContent = fill(text.summary, {
      series: name,
      start: when.format(new Date(from)),
      end: when.format(new Date(to)),
      min: value(stats.min),
      max: value(stats.max),
      mean: value(stats.mean),
      latest: value(stats.latest),
      latestTime: when.format(new Date(stats.latestStart)),
    });
    canvas!.hidden = false;
    details!.hidden = false;
    chart = drawChart(canvas!, answer, {
      locale: config.locale,
      timeZone: config.timeZone,
      value: (v) => number.format(v),
    });
    tableBody!.replaceChildren(
      ...bucketTable(
        answer,
        text,
        value,
        (iso) => when.format(new Date(iso)),
        (n) => whole.format(n),
      ),
    );
    section.dataset.buckets = String(answer.buckets.start.length);
  }

  const change = () => {
    const choice = read();
    const url = new URL(window.location.href);
    for (const [key, v] of new URLSearchParams(choiceQuery(choice))) url.searchParams.set(key, v);
    url.hash = 'chart';
    window.history.replaceState(null, '', url.toString());
    void show(choice).finally(() => {
      section.dataset.ready = 'true';
    });
  };
  form.addEventListener('change', change);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    change();
  });
  if (typeof ResizeObserver !== 'undefined') {
    new ResizeObserver(() => {
      if (chart) chart.setSize({ width: Math.max(280, canvas.clientWidth), height: chart.height });
    }).observe(canvas);
  }
  void show(config.choice).finally(() => {
    section.dataset.ready = 'true';
  });
}

const section = document.getElementById('chart');
const source = document.getElementById('chart-config');
if (section && source?.textContent) start(section, JSON.parse(source.textContent) as ChartConfig);
