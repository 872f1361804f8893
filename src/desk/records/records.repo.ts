/** The records desk's SQL: the requests and their parts. No rules here (records.service.ts has them). */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type {
  RecordsAttachmentTable,
  RecordsDenialTable,
  RecordsDocumentTable,
  RecordsFeeTable,
  RecordsMessageTable,
  RecordsReconsiderationTable,
  RecordsRequestTable,
} from '../../db/desk-schema.js';
import type { Schema } from '../../db/schema.js';

export type RequestRow = RecordsRequestTable;

/** Everything that hangs off a request. */
export interface RequestParts {
  departments: string[];
  assignees: string[];
  messages: RecordsMessageTable[];
  fees: RecordsFeeTable[];
  documents: RecordsDocumentTable[];
  attachments: RecordsAttachmentTable[];
  denial: RecordsDenialTable | undefined;
  reconsiderations: RecordsReconsiderationTable[];
  datasets: string[];
}

export interface ListFilter {
  /** The public log: published requests only. */
  published?: boolean;
  /** Requests of any of these departments (a steward's scope). */
  inDepartments?: readonly string[];
  assignee?: string;
  status?: string;
  departmentId?: string;
  q?: string;
  /** Received at or after / before these instants (ISO). */
  receivedFrom?: string;
  receivedBefore?: string;
  /** newest: received, newest first (the log); due: open ones first, by due moment (the queue). */
  order: 'newest' | 'due';
}

const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function recordsRepo(db: Kysely<Schema>) {
  function filtered<O>(query: SelectQueryBuilder<Schema, 'records_requests', O>, f: ListFilter) {
    let q = query;
    if (f.published) q = q.where('records_requests.published', '=', 1);
    if (f.status) q = q.where('records_requests.status', '=', f.status);
    if (f.receivedFrom) q = q.where('records_requests.received_at', '>=', f.receivedFrom);
    if (f.receivedBefore) q = q.where('records_requests.received_at', '<', f.receivedBefore);
    if (f.q?.trim())
      q = q.where(
        sql<boolean>`lower(records_requests.description) LIKE ${likePattern(f.q.trim())} ESCAPE '\\'`,
      );
    if (f.inDepartments) {
      const scope = [...f.inDepartments];
      if (scope.length === 0) q = q.where(sql<boolean>`1 = 0`);
      else
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('records_request_departments as d')
              .select('d.request_id')
              .whereRef('d.request_id', '=', 'records_requests.id')
              .where('d.department_id', 'in', scope),
          ),
        );
    }
    if (f.departmentId) {
      const department = f.departmentId;
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('records_request_departments as d')
            .select('d.request_id')
            .whereRef('d.request_id', '=', 'records_requests.id')
            .where('d.department_id', '=', department),
        ),
      );
    }
    if (f.assignee) {
      const user = f.assignee;
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('records_request_assignees as a')
            .select('a.request_id')
            .whereRef('a.request_id', '=', 'records_requests.id')
            .where('a.user_id', '=', user),
        ),
      );
    }
    return q;
  }

  return {
    /** The next number of a year: one atomic increment (both dialects support ON CONFLICT ... RETURNING). */
    async nextSeq(year: number): Promise<number> {
      const row = await db
        .insertInto('records_numbers')
        .values({ year, last: 1 })
        .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql`records_numbers.last + 1` }))
        .returning('last')
        .executeTakeFirstOrThrow();
      return Number(row.last);
    },

    async insert(
      row: RequestRow,
      departments: readonly string[],
      attachments: readonly RecordsAttachmentTable[],
    ): Promise<void> {
      await db.insertInto('records_requests').values(row).execute();
      if (departments.length)
        await db
          .insertInto('records_request_departments')
          .values(departments.map((department_id) => ({ request_id: row.id, department_id })))
          .execute();
      if (attachments.length)
        await db
          .insertInto('records_attachments')
          .values([...attachments])
          .execute();
    },

    find: (id: string) =>
      db.selectFrom('records_requests').selectAll().where('id', '=', id).executeTakeFirst(),
    findByNumber: (number: string) =>
      db.selectFrom('records_requests').selectAll().where('number', '=', number).executeTakeFirst(),
    findByToken: (hash: string) =>
      db.selectFrom('records_requests').selectAll().where('follow_token_hash', '=', hash).executeTakeFirst(),

    async departmentsOf(ids: readonly string[]): Promise<Map<string, string[]>> {
      const map = new Map<string, string[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return map;
      const rows = await db
        .selectFrom('records_request_departments')
        .select(['request_id', 'department_id'])
        .where('request_id', 'in', [...ids])
        .orderBy('department_id')
        .execute();
      for (const r of rows) map.get(r.request_id)?.push(r.department_id);
      return map;
    },

    async parts(id: string): Promise<RequestParts> {
      const [
        departments,
        assignees,
        messages,
        fees,
        documents,
        attachments,
        denial,
        reconsiderations,
        datasets,
      ] = await Promise.all([
        db
          .selectFrom('records_request_departments')
          .select('department_id')
          .where('request_id', '=', id)
          .orderBy('department_id')
          .execute(),
        db
          .selectFrom('records_request_assignees')
          .select('user_id')
          .where('request_id', '=', id)
          .orderBy('user_id')
          .execute(),
        db
          .selectFrom('records_messages')
          .selectAll()
          .where('request_id', '=', id)
          .orderBy('at')
          .orderBy('id')
          .execute(),
        db.selectFrom('records_fees').selectAll().where('request_id', '=', id).orderBy('position').execute(),
        db
          .selectFrom('records_documents')
          .selectAll()
          .where('request_id', '=', id)
          .orderBy('released_at')
          .orderBy('id')
          .execute(),
        db
          .selectFrom('records_attachments')
          .selectAll()
          .where('request_id', '=', id)
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
        db.selectFrom('records_denials').selectAll().where('request_id', '=', id).executeTakeFirst(),
        db
          .selectFrom('records_reconsiderations')
          .selectAll()
          .where('request_id', '=', id)
          .orderBy('requested_at')
          .orderBy('id')
          .execute(),
        db
          .selectFrom('records_datasets')
          .select('dataset_id')
          .where('request_id', '=', id)
          .orderBy('linked_at')
          .execute(),
      ]);
      return {
        departments: departments.map((d) => d.department_id),
        assignees: assignees.map((a) => a.user_id),
        messages,
        fees: fees.map((f) => ({ ...f, amount_cents: Number(f.amount_cents), position: Number(f.position) })),
        documents: documents.map((d) => ({ ...d, size: d.size === null ? null : Number(d.size) })),
        attachments: attachments.map((a) => ({ ...a, size: Number(a.size) })),
        denial,
        reconsiderations,
        datasets: datasets.map((d) => d.dataset_id),
      };
    },

    /** Updates a request; with `unlessClosed`, only while it is not closed (false when it was). */
    async update(id: string, fields: Partial<RequestRow>, options: { unlessClosed?: boolean } = {}) {
      const result = await db
        .updateTable('records_requests')
        .set(fields)
        .where('id', '=', id)
        .$if(options.unlessClosed === true, (q) => q.where('status', '!=', 'closed'))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async setDepartments(id: string, departments: readonly string[]): Promise<void> {
      await db.deleteFrom('records_request_departments').where('request_id', '=', id).execute();
      if (departments.length)
        await db
          .insertInto('records_request_departments')
          .values(departments.map((department_id) => ({ request_id: id, department_id })))
          .execute();
    },

    async setAssignees(id: string, users: readonly string[]): Promise<void> {
      await db.deleteFrom('records_request_assignees').where('request_id', '=', id).execute();
      if (users.length)
        await db
          .insertInto('records_request_assignees')
          .values(users.map((user_id) => ({ request_id: id, user_id })))
          .execute();
    },

    addMessage: (row: RecordsMessageTable) => db.insertInto('records_messages').values(row).execute(),

    async setFees(id: string, lines: readonly RecordsFeeTable[]): Promise<void> {
      await db.deleteFrom('records_fees').where('request_id', '=', id).execute();
      if (lines.length)
        await db
          .insertInto('records_fees')
          .values([...lines])
          .execute();
    },

    addDocument: (row: RecordsDocumentTable) => db.insertInto('records_documents').values(row).execute(),

    async putDenial(row: RecordsDenialTable): Promise<void> {
      await db.deleteFrom('records_denials').where('request_id', '=', row.request_id).execute();
      await db.insertInto('records_denials').values(row).execute();
    },

    addReconsideration: (row: RecordsReconsiderationTable) =>
      db.insertInto('records_reconsiderations').values(row).execute(),

    /** Records a decision on a pending reconsideration; false when it was no longer pending. */
    async decideReconsideration(id: string, fields: Partial<RecordsReconsiderationTable>): Promise<boolean> {
      const result = await db
        .updateTable('records_reconsiderations')
        .set(fields)
        .where('id', '=', id)
        .where('decision', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async linkDataset(row: Schema['records_datasets']): Promise<void> {
      await db
        .insertInto('records_datasets')
        .values(row)
        .onConflict((oc) => oc.columns(['request_id', 'dataset_id']).doNothing())
        .execute();
    },

    async list(
      f: ListFilter,
      page: { limit: number; offset: number },
    ): Promise<{ total: number; rows: RequestRow[] }> {
      const counted = await filtered(db.selectFrom('records_requests'), f)
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      let rows = filtered(db.selectFrom('records_requests').selectAll('records_requests'), f);
      rows =
        f.order === 'newest'
          ? rows.orderBy('received_at', 'desc').orderBy('id')
          : rows
              .orderBy(sql`CASE WHEN records_requests.status = 'closed' THEN 1 ELSE 0 END`)
              .orderBy('due_at')
              .orderBy('id');
      return {
        total: Number(counted.n),
        rows: await rows.limit(page.limit).offset(page.offset).execute(),
      };
    },

    /** What the numbers are computed from: every request's clock, with its departments. */
    async clocks(): Promise<
      {
        id: string;
        status: string;
        close_reason: string | null;
        received_at: string;
        due_at: string;
        closed_at: string | null;
      }[]
    > {
      return db
        .selectFrom('records_requests')
        .select(['id', 'status', 'close_reason', 'received_at', 'due_at', 'closed_at'])
        .execute();
    },

    async allDepartmentLinks(): Promise<{ request_id: string; department_id: string }[]> {
      return db.selectFrom('records_request_departments').select(['request_id', 'department_id']).execute();
    },

    /** Open requests not paused and not reminded on `today` (a local date). */
    async remindable(today: string): Promise<RequestRow[]> {
      return db
        .selectFrom('records_requests')
        .selectAll()
        .where('status', '!=', 'closed')
        .where('paused', '=', 0)
        .where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', today)]))
        .orderBy('due_at')
        .execute();
    },

    /** Marks a reminder of `today`; false when another run did it first. */
    async markReminded(id: string, today: string): Promise<boolean> {
      const result = await db
        .updateTable('records_requests')
        .set({ reminded_on: today })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', today)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type RecordsRepo = ReturnType<typeof recordsRepo>;
