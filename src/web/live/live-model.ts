/**
 * What the live page shows of each layer: the readings of the layer's observed property, each with its band,
 * named so that a person can tell two sensors apart (a detector with several approaches names the approach).
 */
import type { Dataset } from '../../catalog/catalog.schema.js';
import type { Investigation } from '../client/_report-link.js';
import type { LatestReading } from '../pages/latest-readings.js';
import { BANDS, bandOf, takenAt, type Band } from './live-bands.js';
import type { LiveLayer } from './live-layers.js';

export interface LiveRow {
  datastream: number;
  name: string;
  result: unknown;
  unit: string | null;
  band: Band;
  /** When the reading was taken (the end of an interval); null before the first reading. */
  time: string | null;
  /** An open problem report naming the datastream. */
  investigation: Investigation | null;
}

export interface LiveLayerView {
  layer: LiveLayer;
  dataset: Dataset;
  rows: LiveRow[];
  /** How many rows are in each band of the layer, in the legend's order. */
  counts: { band: Band; count: number }[];
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The rows of one layer from its dataset's latest readings, sorted by name. */
export function layerView(
  layer: LiveLayer,
  dataset: Dataset,
  readings: readonly LatestReading[],
): LiveLayerView {
  const wanted = readings.filter((r) => r.observedProperty === layer.observedProperty);
  const perThing = new Map<number, number>();
  for (const r of wanted) perThing.set(r.thing.id, (perThing.get(r.thing.id) ?? 0) + 1);
  const rows = wanted
    .map((r): LiveRow => ({
      datastream: r.id,
      name: (perThing.get(r.thing.id) ?? 0) > 1 ? r.name : r.thing.name,
      result: r.result ?? null,
      unit: r.unit,
      band: bandOf(layer.kind, r.result ?? null),
      time: takenAt(r.phenomenonTime),
      investigation: r.investigation ?? null,
    }))
    .sort((a, b) => byName.compare(a.name, b.name));
  const counts = BANDS[layer.kind].map((band) => ({
    band,
    count: rows.filter((r) => r.band === band).length,
  }));
  return { layer, dataset, rows, counts };
}
