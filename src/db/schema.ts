import type { Generated } from 'kysely';
import type { AccessSchema } from './access-schema.js';
import type { DeskSchema } from './desk-schema.js';
import type { ReportsSchema } from './reports-schema.js';
import type { StewardshipSchema } from './stewardship-schema.js';

/**
 * Kysely's view of Plaza's own tables. Times are ISO 8601 strings in UTC (`...Z`) and JSON documents are
 * stored as text, so that both dialects read and write the same shapes.
 */
export interface DepartmentTable {
  id: string;
  name: string;
  description: string;
  email: string | null;
  phone: string | null;
  url: string | null;
}

export interface LicenseTable {
  id: string;
  title: string;
  url: string;
  attribution_required: number;
}

export interface DatasetTable {
  id: string;
  slug: string;
  title: string;
  description: string;
  category: string;
  keywords: string;
  department_id: string;
  steward_name: string;
  steward_email: string;
  steward_phone: string | null;
  license_id: string;
  attribution: string;
  update_frequency: string;
  kind: string;
  access_level: string;
  status: string;
  spatial_bbox: string | null;
  temporal_start: string | null;
  temporal_end: string | null;
  created_at: string;
  metadata_updated_at: string;
  landing_page: string | null;
  source_notes: string | null;
}

/** The live data behind a dataset: owned by the tables module. */
export interface DatasetDataTable {
  dataset_id: string;
  data_table: string;
  data_version: number;
  row_count: number;
  columns: string;
  geometry_type: string | null;
  extent: string | null;
  data_updated_at: string;
}

export interface ImportTable {
  id: string;
  dataset_id: string;
  mode: string;
  format: string;
  file_name: string | null;
  status: string;
  started_at: string;
  finished_at: string | null;
  bytes: number;
  rows_read: number;
  rows_written: number;
  rows_skipped: number;
  report: string;
}

export interface RetiredTable {
  name: string;
  retired_at: string;
}

export interface StagingTable {
  name: string;
  created_at: string;
}

export interface ImportLockTable {
  dataset_id: string;
  owner: string;
  heartbeat_at: string;
}

export interface TableSequence {
  name: string;
  value: number;
}

export interface AppStateTable {
  key: string;
  value: string;
  updated_at: string;
}

/** SensorThings entities (migration 0006). Ids are generated; times of observations are epoch milliseconds. */
interface SensorEntity {
  id: Generated<number>;
  name: string;
  description: string;
  properties: string | null;
}

export interface SensorThingTable extends SensorEntity {
  dataset_id: string | null;
  external_id: string | null;
}

export interface SensorLocationTable extends SensorEntity {
  encoding_type: string;
  location: string;
  minx: number | null;
  miny: number | null;
  maxx: number | null;
  maxy: number | null;
}

export interface SensorThingLocationTable {
  thing_id: number;
  location_id: number;
}

export interface SensorHistoricalLocationTable {
  id: Generated<number>;
  thing_id: number;
  time: number;
}

export interface SensorHistoricalLocationLocationTable {
  historical_location_id: number;
  location_id: number;
}

export interface SensorSensorTable extends SensorEntity {
  encoding_type: string;
  metadata: string;
}

export interface SensorObservedPropertyTable extends SensorEntity {
  definition: string;
}

export interface SensorFeatureTable extends SensorEntity {
  encoding_type: string;
  feature: string;
}

export interface SensorDatastreamTable extends SensorEntity {
  thing_id: number;
  sensor_id: number;
  observed_property_id: number;
  observation_type: string;
  unit_name: string | null;
  unit_symbol: string | null;
  unit_definition: string | null;
  observed_area: string | null;
  feature_id: number | null;
  external_id: string | null;
}

export interface SensorObservationTable {
  id: Generated<number>;
  datastream_id: number;
  phenomenon_time: number;
  phenomenon_end: number | null;
  result_time: number | null;
  result_number: number | null;
  result_json: string | null;
  /** JSON text of what the client sent, null when nothing (the QC outcome is in qc_flag and qc_tests). */
  result_quality: string | null;
  parameters: string | null;
  feature_id: number | null;
  received_at: number;
  /** QARTOD flag (1, 2, 3, 4, 9); null when stored before QC or with QC disabled. */
  qc_flag: number | null;
  /** Each test's flag, one decimal digit per test (sensors/qc/qc-quality.ts `encodeTests`); null with qc_flag. */
  qc_tests: number | null;
}

export interface SensorRollupTable {
  datastream_id: number;
  /** 3600000, or 86400000 for the city's local day (minutes: sensor_minute_rollups). */
  resolution: number;
  bucket: number;
  n: number;
  total: number;
  min: number;
  max: number;
  first_time: number;
  first_value: number;
  last_time: number;
  last_value: number;
}

/** Minute rollups of one datastream-hour, packed (src/sensors/minute-pack.ts). */
export interface SensorMinuteRollupTable {
  datastream_id: number;
  hour: number;
  minutes: Uint8Array;
}

export interface SensorDatastreamStateTable {
  datastream_id: number;
  observations: number;
  phenomenon_start: number;
  phenomenon_end: number;
  result_start: number | null;
  result_end: number | null;
  latest_id: number;
  latest_time: number;
  latest_end: number | null;
  latest_result_time: number | null;
  latest_number: number | null;
  latest_json: string | null;
  /** What the client sent with the latest observation (JSON text), as result_quality. */
  latest_quality: string | null;
  latest_received_at: number;
  /** The latest observation's qc_flag and qc_tests (revised with it). */
  latest_qc_flag: number | null;
  latest_qc_tests: number | null;
}

export interface SensorDeviceTokenTable {
  id: string;
  thing_id: number;
  prefix: string;
  hash: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface Schema extends AccessSchema, DeskSchema, ReportsSchema, StewardshipSchema {
  app_state: AppStateTable;
  departments: DepartmentTable;
  licenses: LicenseTable;
  datasets: DatasetTable;
  dataset_data: DatasetDataTable;
  imports: ImportTable;
  retired_tables: RetiredTable;
  staging_tables: StagingTable;
  import_locks: ImportLockTable;
  sequences: TableSequence;
  sensor_things: SensorThingTable;
  sensor_locations: SensorLocationTable;
  sensor_thing_locations: SensorThingLocationTable;
  sensor_historical_locations: SensorHistoricalLocationTable;
  sensor_historical_location_locations: SensorHistoricalLocationLocationTable;
  sensor_sensors: SensorSensorTable;
  sensor_observed_properties: SensorObservedPropertyTable;
  sensor_features: SensorFeatureTable;
  sensor_datastreams: SensorDatastreamTable;
  sensor_observations: SensorObservationTable;
  sensor_rollups: SensorRollupTable;
  sensor_minute_rollups: SensorMinuteRollupTable;
  sensor_datastream_state: SensorDatastreamStateTable;
  sensor_device_tokens: SensorDeviceTokenTable;
}
