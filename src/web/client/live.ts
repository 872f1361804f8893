/**
 * The live page's island: draws the map of the server-rendered readings (places from each dataset's
 * `latest.geojson`), then follows the live feed and updates the table rows, the legend's counts and the marks
 * together, with a polite status line ("Updated 12:03 PM") and a pause button (WCAG 2.2.2).
 */
import * as L from 'leaflet';
import type { LayerKind } from '../live/live-bands.js';
import { openFeed, type Feed } from './_live-feed.js';
import { createMap, placeMarks, type BasemapConfig, type Placed } from './_live-map.js';
import { apply, formats, readTables, recount, type Formats, type LiveText } from './_live-readings.js';
import type { Investigation } from './_report-link.js';

interface LiveConfig {
  layers: { kind: LayerKind; dataset: string; observedProperty: string }[];
  map: BasemapConfig;
  locale: string;
  timeZone: string;
  text: LiveText;
}

interface LatestFeature {
  geometry: { type: string; coordinates: unknown } | null;
  properties: {
    datastream: number;
    name: string;
    thingName: string;
    observedProperty: string;
    unit: string | null;
    phenomenonTime: string | null;
    result: unknown;
    investigation?: Investigation | null;
  };
}

async function latestOf(dataset: string): Promise<LatestFeature[]> {
  const res = await fetch(`/api/v1/datasets/${encodeURIComponent(dataset)}/latest.geojson`, {
    headers: { accept: 'application/geo+json' },
  });
  if (!res.ok) return [];
  return ((await res.json()) as { features?: LatestFeature[] }).features ?? [];
}

function start(root: HTMLElement, config: LiveConfig): void {
  const f: Formats = formats(config.locale, config.timeZone);
  const text = config.text;
  const readings = readTables(root);
  const status = root.querySelector<HTMLElement>('.live-status');
  const button = root.querySelector<HTMLButtonElement>('.live-pause');
  const wrap = root.querySelector<HTMLElement>('.live-map-wrap');
  const mapElement = root.querySelector<HTMLElement>('#live-map');
  let paused = false;

  const say = (message: string) => {
    if (status && status.textContent !== message) status.textContent = message;
  };
  const updated = () => say(text.updated.replace('{time}', f.time.format(new Date())));

  let map: L.Map | undefined;
  let marks: L.LayerGroup | undefined;
  if (wrap && mapElement) {
    wrap.hidden = false;
    map = createMap(mapElement, config.map);
    marks = L.layerGroup().addTo(map);
  }

  /** Loads every layer's latest values and places (again after a reset), and redraws the marks. */
  async function load(fit: boolean) {
    const all = await Promise.all(config.layers.map((layer) => latestOf(layer.dataset)));
    const placed: Placed[] = [];
    config.layers.forEach((layer, i) => {
      for (const feature of all[i] ?? []) {
        const p = feature.properties;
        if (p.observedProperty !== layer.observedProperty) continue;
        let reading = readings.get(p.datastream);
        if (!reading) {
          reading = {
            kind: layer.kind,
            datastream: p.datastream,
            name: p.thingName,
            unit: p.unit,
            result: null,
            time: null,
            band: 'no_data',
            dataset: layer.dataset,
            investigation: null,
          };
          readings.set(p.datastream, reading);
        }
        reading.unit = p.unit;
        if (p.investigation !== undefined) reading.investigation = p.investigation;
        apply(reading, { result: p.result, phenomenonTime: p.phenomenonTime, unit: p.unit }, f, text);
        const g = feature.geometry;
        if (g?.type === 'Point' && Array.isArray(g.coordinates)) {
          const [lon, lat] = g.coordinates as number[];
          if (typeof lon === 'number' && typeof lat === 'number') placed.push({ reading, lon, lat });
        }
      }
    });
    recount(root, readings, f);
    if (!map || !marks) return;
    marks.clearLayers();
    const bounds = placeMarks(marks, placed, f, text);
    if (fit && bounds) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17, animate: false });
    root.dataset.marks = String(placed.length);
  }

  const feed: Feed = openFeed(
    config.layers.map((l) => l.dataset),
    {
      observation(o) {
        const reading = readings.get(o.datastream);
        if (!reading || paused) return;
        if (apply(reading, { result: o.result, phenomenonTime: o.phenomenonTime }, f, text)) {
          recount(root, readings, f);
          updated();
        }
      },
      reset: () => void load(false).then(updated),
      state(state) {
        root.dataset.feed = state;
        if (paused) return;
        if (state === 'interrupted') say(text.interrupted);
        else if (status?.textContent === text.interrupted) updated();
      },
    },
  );

  if (button) {
    button.hidden = false;
    button.addEventListener('click', () => {
      paused = !paused;
      button.textContent = paused ? text.resume : text.pause;
      if (paused) {
        feed.pause();
        root.dataset.feed = 'paused';
        say(text.paused);
      } else {
        feed.resume();
        updated();
      }
    });
  }

  load(true)
    .then(() => {
      root.dataset.ready = 'true';
    })
    .catch(() => {
      root.dataset.ready = 'true';
    });
}

const root = document.getElementById('live');
const source = document.getElementById('live-config');
if (root && source?.textContent) start(root, JSON.parse(source.textContent) as LiveConfig);
