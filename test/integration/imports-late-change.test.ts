/**
 * Imports write while they scan, on a layout predicted from the first rows. When a value far into the file
 * changes a column's type, the result must be exactly what a scan of the whole file gives: nothing lost,
 * nothing left behind.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDataset, importCsv, report, rowsJson, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const ROWS = 25_000;

function file(late: { at: number; code: string; amount: string }): string {
  const lines = ['code,amount,when'];
  for (let i = 1; i <= ROWS; i++) {
    const code = i === late.at ? late.code : String(10_000 + i);
    const amount = i === late.at ? late.amount : (i / 4).toString();
    lines.push(`${code},${amount},2024-05-${String((i % 28) + 1).padStart(2, '0')}`);
  }
  return lines.join('\n') + '\n';
}

describeDb('imports: a type that changes after the first rows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUpApp();
  });
  afterAll(() => t.close());

  it('keeps every value when a column turns to text near the end of the file', async () => {
    const { id } = await createDataset(t);
    // Row 24,000 has a code with a leading zero and an amount that is not a number.
    const imported = report(await importCsv(t, id, file({ at: 24_000, code: '02134', amount: '12A' })));
    expect(imported.rows_written).toBe(ROWS);
    expect(imported.columns.map((c) => [c.field, c.type])).toEqual([
      ['code', 'text'],
      ['amount', 'text'],
      ['when', 'date'],
    ]);
    const rows = await rowsJson(t, id);
    expect(rows).toHaveLength(ROWS);
    expect(rows[23_999]).toEqual({ code: '02134', amount: '12A', when: '2024-05-05' });
    expect(rows[0]).toEqual({ code: '10001', amount: '0.25', when: '2024-05-02' });
    await t.app.services.imports.collectRetired(0);
    expect(await t.app.services.db.adapter.listTables('t_')).toHaveLength(1);
  });

  it('types columns from the whole file when the first rows are empty', async () => {
    const { id } = await createDataset(t);
    const lines = ['name,score'];
    for (let i = 1; i <= ROWS; i++) lines.push(`n${i},${i > 22_000 ? i : ''}`);
    const imported = report(await importCsv(t, id, lines.join('\n')));
    expect(imported.columns.find((c) => c.field === 'score')?.type).toBe('number');
    const rows = await rowsJson(t, id);
    expect(rows[ROWS - 1]).toEqual({ name: `n${ROWS}`, score: ROWS });
    expect(rows[0]).toEqual({ name: 'n1', score: null });
  });
});
