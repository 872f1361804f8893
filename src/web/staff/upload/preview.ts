/**
 * The preview of an upload: the import's own first pass (scan) over the spooled file, without writing anything,
 * so that a steward sees the columns and types the import will create, a few rows, and every bad row before
 * publishing. Publishing then runs the real import on the same file, which scans it again and agrees.
 */
import type { ImportFormat } from '../../../tables/import/import.types.js';
import type { RowProblem } from '../../../tables/import/import-errors.js';
import { buildPhysicalColumns } from '../../../tables/import/layout.js';
import { scan } from '../../../tables/import/scan.js';
import { openSource, type SourceRow } from '../../../tables/import/source.js';

/** Rows of the file shown in the preview. */
export const SAMPLE_ROWS = 10;
/** Row problems listed in the preview (all are counted). */
export const LISTED_PROBLEMS = 100;

export interface UploadPreview {
  format: ImportFormat;
  /** Records in the file (readable or not). */
  rowsRead: number;
  /** Rows that will be imported: those without a problem. */
  importable: number;
  problemCount: number;
  problems: RowProblem[];
  /** Column names that had to be changed to safe field names. */
  warnings: RowProblem[];
  columns: { field: string; name: string; type: string }[];
  geometryType: string | null;
  sample: { header: string[]; rows: { line: number; cells: string[]; geometry: string | null }[] };
}

/** Scans the file as a `replace` import would; throws the import's ImportError for a file it cannot read. */
export async function previewUpload(
  file: string,
  options: { format: ImportFormat; encoding?: 'utf8' | 'latin1'; timeZone: string },
): Promise<UploadPreview> {
  const sample: SourceRow[] = [];
  const source = openSource(options.format, file, { encoding: options.encoding });
  const scanned = await scan(source, {
    fixedTypes: new Map(),
    timeZone: options.timeZone,
    onAccepted: (row) => {
      if (sample.length < SAMPLE_ROWS) sample.push({ ...row, cells: [...row.cells] });
    },
  });
  const layout = buildPhysicalColumns(scanned, null, []);
  const rowsRead = scanned.rows + scanned.unreadable;
  const geometryOf = (row: SourceRow) =>
    row.geometry && typeof row.geometry === 'object' && 'type' in row.geometry
      ? String((row.geometry as { type: unknown }).type)
      : null;
  return {
    format: options.format,
    rowsRead,
    importable: Math.max(0, rowsRead - scanned.badLines.size),
    problemCount: scanned.problemCount,
    problems: scanned.problems.slice(0, LISTED_PROBLEMS),
    warnings: scanned.warnings,
    columns: layout.columns.map((c) => ({ field: c.field, name: c.name, type: c.type })),
    geometryType: layout.geometryType,
    sample: {
      header: scanned.header,
      rows: sample.map((row) => ({
        line: row.line,
        cells: scanned.header.map((_h, i) => row.cells[i] ?? ''),
        geometry: source.hasGeometry ? geometryOf(row) : null,
      })),
    },
  };
}
