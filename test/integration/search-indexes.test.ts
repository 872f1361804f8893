/**
 * The spatial and full-text indexes of dataset tables, queried through the conditions of `db/search-index.ts`:
 * the same answers on both databases, kept current by appends and upserts, gone with the tables they index.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  fullTextCondition,
  searchTerms,
  spatialCondition,
  type SearchBox,
  type SearchParams,
} from '../../src/db/search-index.js';
import { spatialIndexName, textIndexName } from '../../src/db/postgres-search-index.js';
import { dropSearchIndexStatements } from '../../src/db/sqlite-search-index.js';
import { createDataset, importCsv, report, setUpApp } from '../fixtures/tables.js';
import { describeDb, type TestApp } from '../support/index.js';

const PLACES = [
  'code,name,cuisine,owner,contact,notes,latitude,longitude',
  'A1,Phở Hòa,Vietnamese noodles,Nguyễn Văn An,info@phohoa.example,,33.7590,-117.9900',
  'A2,Bánh Mì Chè Cali,Vietnamese sandwiches,Trần Thị Bích,https://banhmi.example/menu,"rating 4.5, open 6:30",33.7594,-117.9550',
  'A3,La Peña Taquería,Mexican,José PEÑA,,,33.7440,-118.0050',
  "A4,Niño's Pizza,Italian-American,Maria Niño,,C:\\menus\\pizza.txt,33.7700,-117.9400",
  'A5,Pho 79,Vietnamese,Le Pho,,,33.7500,-117.9700',
  'A6,City Hall,,,,,,',
  'A7,,,,,,33.7800,-117.9600',
].join('\n');

/** Around A1 and A5 only. */
const NEAR_A1: SearchBox = [-118.0, 33.745, -117.96, 33.765];
const CITY: SearchBox = [-118.1, 33.7, -117.9, 33.8];
const NOWHERE: SearchBox = [-117.5, 34.0, -117.4, 34.1];

describeDb('search indexes', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await setUpApp();
    id = (await createDataset(t)).id;
    report(await importCsv(t, id, PLACES));
  });
  afterAll(() => t.close());

  const dialect = () => t.app.services.db.adapter.name;

  async function dataTable(datasetId: string): Promise<string> {
    const row = await t.app.services.db.kysely
      .selectFrom('dataset_data')
      .select('data_table')
      .where('dataset_id', '=', datasetId)
      .executeTakeFirstOrThrow();
    return row.data_table;
  }

  /** Positional placeholders in order, as the query compiler hands them out. */
  function collect(): SearchParams & { values: unknown[] } {
    const values: unknown[] = [];
    return {
      values,
      add(value) {
        values.push(value);
        return dialect() === 'sqlite' ? '?' : `$${values.length}`;
      },
    };
  }

  async function codes(where: (table: string, params: SearchParams) => string, datasetId = id) {
    const table = await dataTable(datasetId);
    const params = collect();
    const sql = `SELECT "code" FROM "${table}" WHERE ${where(table, params)} ORDER BY "code"`;
    const rows = await t.app.services.db.adapter.queryArrays({ sql, params: params.values });
    return rows.map((r) => r[0]);
  }

  const inBox = (box: SearchBox, datasetId?: string) =>
    codes((table, params) => spatialCondition(dialect(), table, box, params), datasetId);

  /** The text columns in table order, as the query compiler passes them. */
  async function textColumns(datasetId: string): Promise<string[]> {
    const columns = (await t.app.services.tables.dataStates.get(datasetId))!.columns;
    return columns.filter((c) => c.type === 'text').map((c) => c.field);
  }

  async function search(q: string, datasetId = id) {
    const text = await textColumns(datasetId);
    return codes(
      (table, params) => fullTextCondition(dialect(), table, text, searchTerms(q), params),
      datasetId,
    );
  }

  /** Every database object whose name starts with a table's dataset prefix (tables, indexes, triggers...). */
  async function objectsOf(datasetId: string): Promise<string[]> {
    const prefix = `t_${datasetId.replace(/-/g, '_')}_`;
    const sql =
      dialect() === 'sqlite'
        ? `SELECT name FROM sqlite_master WHERE instr(name, ?) = 1`
        : `SELECT relname FROM pg_class WHERE starts_with(relname, $1)`;
    const rows = await t.app.services.db.adapter.queryArrays({ sql, params: [prefix] });
    return rows.map((r) => String(r[0])).sort();
  }

  it('finds the rows whose bbox meets a box', async () => {
    expect(await inBox(NEAR_A1)).toEqual(['A1', 'A5']);
    expect(await inBox(CITY)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A7']);
    expect(await inBox(NOWHERE)).toEqual([]);
  });

  it('matches whole words in any case, diacritics significant', async () => {
    expect(await search('phở')).toEqual(['A1']);
    expect(await search('PHỞ HÒA')).toEqual(['A1']);
    expect(await search('pho')).toEqual(['A5']);
    expect(await search('bánh mì')).toEqual(['A2']);
    expect(await search('BÁNH MÌ')).toEqual(['A2']);
    expect(await search('banh')).toEqual([]);
    expect(await search('Nguyễn')).toEqual(['A1']);
    expect(await search('nguyen')).toEqual([]);
    expect(await search('peña')).toEqual(['A3']);
    expect(await search('PEÑA')).toEqual(['A3']);
    expect(await search('pena')).toEqual([]);
    expect(await search('niño')).toEqual(['A4']);
    expect(await search('NIÑO')).toEqual(['A4']);
    expect(await search('nino')).toEqual([]);
    expect(await search('taquería')).toEqual(['A3']);
  });

  it('needs every term, each in any text column, as a whole word', async () => {
    expect(await search('vietnamese')).toEqual(['A1', 'A2', 'A5']);
    expect(await search('Vietnamese Nguyễn')).toEqual(['A1']);
    expect(await search('vietnamese peña')).toEqual([]);
    expect(await search('viet')).toEqual([]);
    expect(await search('noodle')).toEqual([]);
    expect(await search('city hall')).toEqual(['A6']);
  });

  it('splits emails, URLs, hyphenated words, decimals and paths into words on both databases', async () => {
    expect(await search('american')).toEqual(['A4']);
    expect(await search('italian-american')).toEqual(['A4']);
    expect(await search('phohoa')).toEqual(['A1']);
    expect(await search('info@phohoa.example')).toEqual(['A1']);
    expect(await search('example')).toEqual(['A1', 'A2']);
    expect(await search('menu banhmi')).toEqual(['A2']);
    expect(await search('4.5')).toEqual(['A2']);
    expect(await search('5')).toEqual(['A2']);
    expect(await search('6:30')).toEqual(['A2']);
    expect(await search('pizza txt menus')).toEqual(['A4']);
    expect(await search("niño's")).toEqual(['A4']);
    // Search syntax of either database is plain text here.
    expect(await search('pizza* -niño "')).toEqual(['A4']);
    expect(await search('pizza AND niño')).toEqual([]);
    expect(await search("pizza' | 'x")).toEqual([]);
  });

  it('uses the indexes', async () => {
    const { id: big } = await createDataset(t);
    const lines = Array.from(
      { length: 4000 },
      (_v, i) =>
        `B${i},Shop ${i % 100},${i === 77 ? 'Bún bò Huế' : 'groceries'},${(33.7 + (i % 80) * 0.001).toFixed(4)},${(-118 + Math.floor(i / 80) * 0.002).toFixed(4)}`,
    );
    report(await importCsv(t, big, `code,name,kind,latitude,longitude\n${lines.join('\n')}\n`));
    expect(await search('BÚN BÒ', big)).toEqual(['B77']);
    expect(await inBox([-117.9999, 33.7005, -117.9941, 33.7185], big)).toHaveLength(2 * 18);

    const table = await dataTable(big);
    const plan = async (where: string, params: unknown[]) => {
      const explain = dialect() === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN';
      const sql = `${explain} SELECT "code" FROM "${table}" WHERE ${where}`;
      const rows = await t.app.services.db.adapter.queryArrays({ sql, params });
      return rows.map((r) => r.map(String).join(' ')).join('\n');
    };
    const spatial = collect();
    const spatialPlan = await plan(
      spatialCondition(dialect(), table, [-117.99, 33.71, -117.98, 33.72], spatial),
      spatial.values,
    );
    const text = collect();
    const textPlan = await plan(
      fullTextCondition(dialect(), table, await textColumns(big), ['huế'], text),
      text.values,
    );
    if (dialect() === 'sqlite') {
      expect(spatialPlan).toContain(`VIRTUAL TABLE INDEX`);
      expect(spatialPlan).toContain(`${table}_rtree`);
      expect(textPlan).toContain(`${table}_fts VIRTUAL TABLE INDEX`);
    } else {
      expect(spatialPlan).toContain(`Index Scan on ${spatialIndexName(table)}`);
      expect(textPlan).toContain(`Index Scan on ${textIndexName(table)}`);
    }
  });

  it('indexes text columns named like FTS5 reserved columns', async () => {
    const { id: odd } = await createDataset(t);
    report(await importCsv(t, odd, 'rank,rowid,code\nSergeant,Ñandú,X1\nCaptain,Emú,X2\n'));
    expect(await search('sergeant', odd)).toEqual(['X1']);
    expect(await search('ÑANDÚ', odd)).toEqual(['X1']);
    expect(await search('x2', odd)).toEqual(['X2']);
  });

  it('keeps the indexes current through an append and an upsert', async () => {
    report(
      await importCsv(
        t,
        id,
        'code,name,cuisine,latitude,longitude\nA8,Phở Bắc,Vietnamese,33.7600,-117.9800\n',
        {
          mode: 'append',
        },
      ),
    );
    expect(await inBox(NEAR_A1)).toEqual(['A1', 'A5', 'A8']);
    expect(await search('phở')).toEqual(['A1', 'A8']);
    expect(await search('bắc')).toEqual(['A8']);

    // A5 changes its name and moves away; its owner (not in the file) stays as it was.
    report(
      await importCsv(t, id, 'code,name,latitude,longitude\nA5,Phở 79,33.7300,-117.9300\nA9,Bò Kho,,\n', {
        mode: 'upsert',
        key: 'code',
      }),
    );
    expect(await inBox(NEAR_A1)).toEqual(['A1', 'A8']);
    expect(await inBox([-117.931, 33.729, -117.929, 33.731])).toEqual(['A5']);
    expect(await search('phở')).toEqual(['A1', 'A5', 'A8']);
    expect(await search('79 pho')).toEqual(['A5']);
    expect(await search('le')).toEqual(['A5']);
    expect(await search('bò kho')).toEqual(['A9']);
    expect(await search('vietnamese')).toEqual(['A1', 'A2', 'A5', 'A8']);
  });

  it('builds missing indexes in the background, and answers queries right meanwhile', async () => {
    const { id: old } = await createDataset(t);
    report(await importCsv(t, old, 'code,name,latitude,longitude\nO1,Bánh Xèo,33.75,-117.95\n'));
    const table = await dataTable(old);
    // As a table published before Plaza had search indexes.
    const drops =
      dialect() === 'sqlite'
        ? dropSearchIndexStatements(table)
        : [`DROP INDEX "${spatialIndexName(table)}"`, `DROP INDEX "${textIndexName(table)}"`];
    for (const statement of drops) await t.app.services.db.adapter.exec(statement);

    // Without its indexes the table is read directly: the same answers, only slower.
    const query = async (params: Record<string, string>) => {
      const res = await t.inject(`/api/v1/datasets/${old}/query?${new URLSearchParams(params).toString()}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ rows: { code: string }[] }>().rows.map((r) => r.code);
    };
    expect(await query({ $q: 'XÈO', $select: 'code' })).toEqual(['O1']);
    expect(await query({ $q: 'xeo', $select: 'code' })).toEqual([]);
    expect(
      await query({ $where: 'within_box(location, 33.8, -118, 33.7, -117.9)', $select: 'code' }),
    ).toEqual(['O1']);
    // That query asked for the indexes; the server builds them in the background.
    await t.app.services.tables.indexer.idle();
    expect(
      await t.app.services.tables.indexer.isIndexed(table, [
        { name: 'code', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'location', type: 'geometry' },
      ]),
    ).toBe(true);
    expect(await search('XÈO', old)).toEqual(['O1']);
    expect(await inBox(CITY, old)).toEqual(['O1']);
  });

  it('leaves no index tables behind once replaced and deleted tables are swept', async () => {
    const { id: gone } = await createDataset(t);
    report(await importCsv(t, gone, PLACES));
    const first = await dataTable(gone);
    report(await importCsv(t, gone, PLACES));
    const second = await dataTable(gone);
    expect(second).not.toBe(first);
    await t.app.services.imports.collectRetired(0);
    const left = await objectsOf(gone);
    expect(left.filter((name) => name.startsWith(first))).toEqual([]);
    expect(left.filter((name) => name.startsWith(`${second}_`)).length).toBeGreaterThan(0);
    expect(await t.app.services.db.adapter.listTables(second)).toEqual([second]);

    expect((await t.injectAsAdmin({ method: 'DELETE', url: `/api/v1/datasets/${gone}` })).statusCode).toBe(
      204,
    );
    await t.app.services.imports.collectRetired(0);
    expect(await objectsOf(gone)).toEqual([]);
  });
});
