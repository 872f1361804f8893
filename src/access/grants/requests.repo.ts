import type { Kysely } from 'kysely';
import type { AccessRequestTable } from '../../db/access-schema.js';
import type { Schema } from '../../db/schema.js';

export type RequestRow = AccessRequestTable;

export interface RequestFilter {
  userId?: string;
  status?: string;
  /** Requests routed to these departments (stewards' queues). */
  departments?: readonly string[];
  /** Also the requests that no department decides (tier requests): admins' queue. */
  includeUnrouted?: boolean;
  limit?: number;
}

/** The SQL of access requests. */
export function requestsRepo(db: { kysely: Kysely<Schema> }) {
  const k = db.kysely;
  return {
    /** Inserts a request; false when the account already has a pending one for the same thing. */
    async insert(row: RequestRow): Promise<boolean> {
      const result = await k
        .insertInto('access_requests')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    find: (id: string) => k.selectFrom('access_requests').selectAll().where('id', '=', id).executeTakeFirst(),

    pendingFor: (userId: string, kind: string, datasetId: string | null) =>
      k
        .selectFrom('access_requests')
        .selectAll()
        .where('user_id', '=', userId)
        .where('kind', '=', kind)
        .where('status', '=', 'pending')
        .$if(datasetId !== null, (q) => q.where('dataset_id', '=', datasetId!))
        .executeTakeFirst(),

    async list(filter: RequestFilter): Promise<RequestRow[]> {
      if (filter.departments?.length === 0 && !filter.includeUnrouted) return [];
      return k
        .selectFrom('access_requests')
        .selectAll()
        .$if(filter.userId !== undefined, (q) => q.where('user_id', '=', filter.userId!))
        .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
        .$if(filter.departments !== undefined, (q) =>
          q.where((eb) =>
            eb.or([
              ...(filter.departments!.length ? [eb('department_id', 'in', [...filter.departments!])] : []),
              ...(filter.includeUnrouted ? [eb('department_id', 'is', null)] : []),
            ]),
          ),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(filter.limit ?? 500)
        .execute();
    },

    /**
     * Moves a pending request to its decision; false when it was no longer pending (decided or withdrawn
     * meanwhile), so that two deciders cannot both act on it.
     */
    async settle(
      id: string,
      fields: Pick<
        RequestRow,
        'status' | 'decided_by' | 'decided_at' | 'decision_reason' | 'approved_until' | 'approved_tier'
      >,
    ): Promise<boolean> {
      const result = await k
        .updateTable('access_requests')
        .set(fields)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type RequestsRepo = ReturnType<typeof requestsRepo>;
