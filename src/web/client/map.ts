/**
 * The dataset page's map island: loads the features (geometry and a few fields, capped) from the query API,
 * draws them on a Leaflet map fitted to their bounds, over the city's basemap when it loads (the features draw
 * without it), and says how many it drew (`data-features` on the map, and the status line).
 */
import { drawFeatures, type Feature } from './_map-features.js';
import { L } from './_map-leaflet.js';

interface MapConfig {
  url: string;
  fields: { field: string; name: string }[];
  total: number;
  limit: number;
  map: { basemap: string; attribution: string; maxZoom: number; center: [number, number]; zoom: number };
  locale: string;
  text: {
    shownOne: string;
    shownOther: string;
    shownOfTotal: string;
    noLocation: string;
    failed: string;
    cluster: string;
  };
}

async function start(frame: HTMLElement, config: MapConfig): Promise<void> {
  const element = frame.querySelector<HTMLElement>('#dataset-map');
  const status = frame.querySelector<HTMLElement>('.map-status');
  if (!element) return;
  const number = new Intl.NumberFormat(config.locale);
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  frame.hidden = false;

  const map = L.map(element, { keyboard: true, scrollWheelZoom: false, maxZoom: config.map.maxZoom });
  map.setView([config.map.center[1], config.map.center[0]], config.map.zoom);
  if (config.map.basemap) {
    L.tileLayer(config.map.basemap, {
      attribution: config.map.attribution,
      maxZoom: config.map.maxZoom,
    }).addTo(map);
  }

  let features: Feature[];
  try {
    const res = await fetch(config.url, { headers: { accept: 'application/geo+json' } });
    if (!res.ok) throw new Error(String(res.status));
    features = ((await res.json()) as { features?: Feature[] }).features ?? [];
  } catch {
    element.dataset.features = '0';
    say(config.text.failed);
    return;
  }

  const drawn = drawFeatures(features, config.fields, number, config.text.cluster);
  drawn.layer.addTo(map);
  element.dataset.features = String(drawn.count);
  if (drawn.count === 0) {
    say(config.text.noLocation);
    return;
  }
  const bounds = drawn.layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 17, animate: false });
  const n = number.format(drawn.count);
  say(
    config.total > features.length
      ? config.text.shownOfTotal.replace('{n}', n).replace('{total}', number.format(config.total))
      : (drawn.count === 1 ? config.text.shownOne : config.text.shownOther).replace('{n}', n),
  );
}

const frame = document.getElementById('map-frame');
const source = document.getElementById('map-config');
if (frame && source?.textContent) {
  void start(frame, JSON.parse(source.textContent) as MapConfig).finally(() => {
    frame.dataset.ready = 'true';
  });
}
