/** The stewardship tables: notices and digests. No rules here; the watches decide. */
import type { Database } from '../../db/database.js';
import type { StewardshipNoticeTable } from '../../db/stewardship-schema.js';
import type { NoticeKind, NoticeQuery, NoticeState } from './stewardship.types.js';

export type NoticeRow = StewardshipNoticeTable;
type Patch = Partial<Omit<NoticeRow, 'id' | 'dataset_id' | 'kind' | 'issued_at'>>;

export function stewardshipRepo(db: Pick<Database, 'kysely'>) {
  const k = db.kysely;
  return {
    /** Every notice not yet resolved (few: one per dataset and kind at most). */
    async unresolved(): Promise<NoticeRow[]> {
      return k.selectFrom('stewardship_notices').selectAll().where('state', '<>', 'resolved').execute();
    },

    /** Stores a new notice; false when another one for the dataset and kind is unresolved already. */
    async insert(row: NoticeRow): Promise<boolean> {
      const result = await k
        .insertInto('stewardship_notices')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    /** Changes a notice that is still in state `from`; false when someone else moved it first. */
    async update(id: string, from: NoticeState, patch: Patch): Promise<boolean> {
      const result = await k
        .updateTable('stewardship_notices')
        .set(patch)
        .where('id', '=', id)
        .where('state', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async list(query: NoticeQuery & { departments?: readonly string[] }): Promise<NoticeRow[]> {
      let q = k.selectFrom('stewardship_notices').selectAll();
      if (query.departments) {
        if (query.departments.length === 0) return [];
        q = q.where('department_id', 'in', [...query.departments]);
      }
      if (query.state === 'unresolved') q = q.where('state', '<>', 'resolved');
      else if (query.state) q = q.where('state', '=', query.state);
      if (query.kind) q = q.where('kind', '=', query.kind);
      if (query.dataset) q = q.where('dataset_id', '=', query.dataset);
      if (query.department) q = q.where('department_id', '=', query.department);
      return q.orderBy('issued_at', 'desc').orderBy('id').limit(500).execute();
    },

    /** The notice under which the watch withdrew a dataset that is not republished yet, if any. */
    async withdrawal(datasetId: string, kind: NoticeKind = 'metadata'): Promise<NoticeRow | undefined> {
      return k
        .selectFrom('stewardship_notices')
        .selectAll()
        .where('dataset_id', '=', datasetId)
        .where('kind', '=', kind)
        .where('withdrawn_at', 'is not', null)
        .where('republished_at', 'is', null)
        .orderBy('withdrawn_at', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    async digestSent(departmentId: string, localDate: string): Promise<boolean> {
      const row = await k
        .selectFrom('stewardship_digests')
        .select('sent_at')
        .where('department_id', '=', departmentId)
        .where('local_date', '=', localDate)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** When the department's last digest went out, if ever. */
    async lastDigest(departmentId: string): Promise<string | undefined> {
      const row = await k
        .selectFrom('stewardship_digests')
        .select('sent_at')
        .where('department_id', '=', departmentId)
        .orderBy('sent_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.sent_at;
    },

    /** Claims the department's digest of a local day: true for the one caller that may send it. */
    async claimDigest(departmentId: string, localDate: string, sentAt: string): Promise<boolean> {
      const result = await k
        .insertInto('stewardship_digests')
        .values({ department_id: departmentId, local_date: localDate, sent_at: sentAt })
        .onConflict((oc) => oc.columns(['department_id', 'local_date']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
  };
}

export type StewardshipRepo = ReturnType<typeof stewardshipRepo>;
