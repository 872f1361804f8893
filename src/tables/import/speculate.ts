/**
 * Writing while scanning. Most files keep the types their first rows suggest, so the layout is predicted from a
 * sample and rows are written during the scan itself. If the scan ends with exactly that layout and no problem,
 * the rows written are the rows pass two would write, and pass two is skipped; otherwise the speculative table
 * is dropped and pass two runs as usual. Either way the result is the same; only the time differs.
 */
import type { BulkWriter } from '../../db/dialect.js';
import type { DataTableRepo } from '../data-table.repo.js';
import type { ImportLayout } from './layout.js';
import type { GeometrySource, ScanResult } from './scan.js';
import type { SourceRow } from './source.js';
import { rowConverter } from './write.js';

export interface Speculation {
  onAccepted(item: SourceRow): void | Promise<void>;
  /** The staging table and its row count when the prediction held; null (and nothing left behind) otherwise. */
  settle(scanned: ScanResult, layout: ImportLayout): Promise<{ staging: string; written: number } | null>;
  /** Drops what was written (on any failure before settling). */
  discard(): Promise<void>;
}

function sameGeometry(a: GeometrySource, b: GeometrySource): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameLayout(a: ImportLayout, b: ImportLayout): boolean {
  return (
    a.geometryIndex === b.geometryIndex &&
    JSON.stringify(a.physical) === JSON.stringify(b.physical) &&
    JSON.stringify(a.sourceToColumn) === JSON.stringify(b.sourceToColumn) &&
    JSON.stringify(a.valueTypes) === JSON.stringify(b.valueTypes)
  );
}

export async function startSpeculation(
  tables: DataTableRepo,
  staging: string,
  geometry: GeometrySource,
  predicted: ImportLayout,
  timeZone: string,
  at: string,
): Promise<Speculation> {
  await tables.createStaging(staging, predicted.physical, predicted.geometryIndex !== null, at);
  let writer: BulkWriter | null;
  try {
    writer = await tables.writer(staging, predicted.writeColumns);
  } catch (error) {
    await tables.dropStaging(staging);
    throw error;
  }
  const convert = rowConverter(geometry, predicted, timeZone);
  let written = 0;
  let holding = true;

  async function discard(): Promise<void> {
    if (writer) await writer.abort().catch(() => undefined);
    writer = null;
    if (holding) await tables.dropStaging(staging);
    holding = false;
  }

  return {
    onAccepted(item) {
      if (!writer) return;
      const row = convert(item);
      if (!row) {
        // A value the prediction cannot hold: stop here, pass two will do the work.
        const stopping = writer;
        writer = null;
        return stopping.abort();
      }
      written++;
      return writer.write(row);
    },
    async settle(scanned, layout) {
      if (
        !writer ||
        scanned.problemCount > 0 ||
        !sameGeometry(geometry, scanned.geometry) ||
        !sameLayout(predicted, layout)
      ) {
        await discard();
        return null;
      }
      await writer.finish();
      writer = null;
      holding = false;
      return { staging, written };
    },
    discard,
  };
}
