/**
 * The errors of dataset import. An `ImportError` fails the whole file (nothing is imported); a `RowProblem`
 * is one row's or one column's problem, collected and reported to the steward with its line and column.
 */

export type ImportErrorCode =
  | 'import.encoding'
  | 'import.empty_file'
  | 'import.no_rows'
  | 'import.unbalanced_quote'
  | 'import.ragged_row'
  | 'import.invalid_json'
  | 'import.not_geojson'
  | 'import.invalid_geometry'
  | 'import.missing_geometry'
  | 'import.invalid_value'
  | 'import.duplicate_column'
  | 'import.blank_column'
  | 'import.unknown_column'
  | 'import.missing_column'
  | 'import.bad_rows'
  | 'import.invalid_type_override'
  | 'import.key_not_found'
  | 'import.duplicate_key'
  | 'import.format';

/** A whole-file failure (nothing is imported). `line` is 1-based where known. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(message);
  }
}

/** One row's problem, reported with line number, column and reason. */
export interface RowProblem {
  line: number;
  column?: string;
  code: ImportErrorCode;
  message: string;
}

/** Tells a row problem from a record in a reader's output (records never carry a `code`). */
export function isRowProblem(item: object): item is RowProblem {
  return 'code' in item;
}

/** The error for a file that has a header (or is a valid empty collection) but no data rows. */
export function noRowsError(what = 'The file'): ImportError {
  return new ImportError(
    'import.no_rows',
    `${what} has no data rows after the header; add at least one row, or check that the right file was chosen.`,
  );
}
