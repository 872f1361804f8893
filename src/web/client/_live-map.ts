/**
 * The live page's map: one mark per reading at its sensor's place, with the band's shape, colour and symbol or
 * rounded value, and a popup with the reading in words. The marks are not in the tab order: the tables below
 * the map carry the same readings for keyboards and screen readers, and the map itself pans and zooms with the
 * keyboard.
 */
import * as L from 'leaflet';
import { markerText, type LayerKind } from '../live/live-bands.js';
import { fanOffsets, placeKey } from './_geo-fan.js';
import { readingText, type Formats, type LiveText, type Reading } from './_live-readings.js';
import { badgeText, reportUrl } from './_report-link.js';

export interface BasemapConfig {
  basemap: string;
  attribution: string;
  maxZoom: number;
  center: [number, number];
  zoom: number;
}

const SIZE: Record<LayerKind, [number, number]> = {
  parking: [24, 24],
  air: [36, 24],
  traffic: [36, 24],
};

/** A Leaflet map in the element, with the city's basemap when it has one (marks draw without it). */
export function createMap(element: HTMLElement, config: BasemapConfig): L.Map {
  const map = L.map(element, { keyboard: true, scrollWheelZoom: false, maxZoom: config.maxZoom });
  map.setView([config.center[1], config.center[0]], config.zoom);
  if (config.basemap) {
    L.tileLayer(config.basemap, { attribution: config.attribution, maxZoom: config.maxZoom }).addTo(map);
  }
  return map;
}

function icon(reading: Reading, offset: [number, number]): L.DivIcon {
  const [w, h] = SIZE[reading.kind];
  const mark = document.createElement('span');
  mark.className = `live-mark live-mark--${reading.kind} live-b-${reading.band}`;
  mark.textContent = markerText(reading.kind, reading.result);
  return L.divIcon({
    className: 'live-icon',
    html: mark,
    iconSize: [w, h],
    iconAnchor: [w / 2 - offset[0], h / 2 - offset[1]],
    popupAnchor: [offset[0], offset[1] - h / 2],
  });
}

function popup(reading: Reading, f: Formats, text: LiveText): HTMLElement {
  const box = document.createElement('div');
  box.className = 'live-popup';
  const name = document.createElement('strong');
  name.textContent = reading.name;
  const value = document.createElement('p');
  const band = text.bands[reading.band] ?? reading.band;
  value.textContent = reading.kind === 'parking' ? band : `${readingText(reading, f)} · ${band}`;
  const when = document.createElement('p');
  when.textContent = reading.time ? f.dateTime.format(new Date(reading.time)) : '—';
  box.append(name, value, when);
  const inv = reading.investigation;
  if (inv) {
    const badge = document.createElement('p');
    badge.className = 'reports-badge reports-badge--small';
    const words = badgeText(text.investigation, inv);
    if (inv.url) {
      const link = document.createElement('a');
      link.href = inv.url;
      link.textContent = words;
      badge.append(link);
    } else badge.textContent = words;
    box.append(badge);
  }
  if (reading.dataset) {
    const line = document.createElement('p');
    const report = document.createElement('a');
    report.className = 'live-report__link';
    report.href = reportUrl(reading.dataset, { datastream: reading.datastream });
    report.textContent = text.report;
    line.append(report);
    box.append(line);
  }
  return box;
}

const title = (reading: Reading, f: Formats, text: LiveText) =>
  `${reading.name}: ${reading.kind === 'parking' ? '' : `${readingText(reading, f)}, `}${text.bands[reading.band] ?? reading.band}`;

export interface Placed {
  reading: Reading;
  lon: number;
  lat: number;
}

/**
 * Puts a mark for each reading on the map (fanned out where several share a place) and makes each reading
 * redraw its mark when it changes. Returns the marks' bounds.
 */
export function placeMarks(
  layer: L.LayerGroup,
  placed: readonly Placed[],
  f: Formats,
  text: LiveText,
): L.LatLngBounds | undefined {
  const groups = new Map<string, Placed[]>();
  for (const p of placed) {
    const key = placeKey(p.lon, p.lat);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  let bounds: L.LatLngBounds | undefined;
  for (const group of groups.values()) {
    const offsets = fanOffsets(group.length);
    group.forEach(({ reading, lon, lat }, i) => {
      const offset = offsets[i] ?? [0, 0];
      const at = L.latLng(lat, lon);
      const marker = L.marker(at, {
        icon: icon(reading, offset),
        keyboard: false,
        title: title(reading, f, text),
      });
      marker.bindPopup(() => popup(reading, f, text));
      marker.addTo(layer);
      const element = marker.getElement();
      if (element) element.dataset.datastream = String(reading.datastream);
      reading.redraw = (r) => {
        marker.setIcon(icon(r, offset));
        const el = marker.getElement();
        if (el) {
          el.title = title(r, f, text);
          el.dataset.datastream = String(r.datastream);
        }
        if (marker.isPopupOpen()) marker.setPopupContent(popup(r, f, text));
      };
      bounds = bounds ? bounds.extend(at) : L.latLngBounds(at, at);
    });
  }
  return bounds;
}
