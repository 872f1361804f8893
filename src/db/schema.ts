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

export interface Schema {
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
}
