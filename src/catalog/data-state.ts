import type { Column } from './catalog.schema.js';

/** What the catalog needs to know about the data behind a dataset. */
export interface DataState {
  dataVersion: number;
  rowCount: number;
  columns: Column[];
  geometryType: string | null;
  /** Bounding box of the data, west, south, east, north. */
  extent: [number, number, number, number] | null;
  dataUpdatedAt: string;
}

/** Column documentation an admin may set: display name, description, unit. */
export interface ColumnDoc {
  field: string;
  name?: string;
  description?: string;
  unit?: string | null;
}

/**
 * The catalog reads data states through this port; the tables module implements it. The catalog owns
 * metadata, the tables module owns data, and neither reaches into the other's tables.
 */
export interface DataStateSource {
  get(datasetId: string): Promise<DataState | undefined>;
  all(): Promise<Map<string, DataState>>;
  describeColumns(datasetId: string, docs: ColumnDoc[]): Promise<void>;
  /** Retires the data of a deleted dataset. */
  remove(datasetId: string): Promise<void>;
}
