import type { Kysely } from 'kysely';
import type { AgreementTable } from '../../db/access-schema.js';
import type { Schema } from '../../db/schema.js';

export type AgreementRow = AgreementTable;

export interface AgreementParts {
  datasets: string[];
  members: string[];
}

/** The SQL of data-sharing agreements, their datasets and their members. */
export function agreementsRepo(db: { kysely: Kysely<Schema> }) {
  const k = db.kysely;

  async function replaceParts(tx: Kysely<Schema>, id: string, parts: Partial<AgreementParts>): Promise<void> {
    if (parts.datasets) {
      await tx.deleteFrom('agreement_datasets').where('agreement_id', '=', id).execute();
      if (parts.datasets.length)
        await tx
          .insertInto('agreement_datasets')
          .values(parts.datasets.map((dataset_id) => ({ agreement_id: id, dataset_id })))
          .execute();
    }
    if (parts.members) {
      await tx.deleteFrom('agreement_members').where('agreement_id', '=', id).execute();
      if (parts.members.length)
        await tx
          .insertInto('agreement_members')
          .values(parts.members.map((user_id) => ({ agreement_id: id, user_id })))
          .execute();
    }
  }

  return {
    async insert(row: AgreementRow, parts: AgreementParts): Promise<void> {
      await k.transaction().execute(async (tx) => {
        await tx.insertInto('agreements').values(row).execute();
        await replaceParts(tx, row.id, parts);
      });
    },

    async update(
      id: string,
      fields: Partial<Omit<AgreementRow, 'id' | 'created_at'>>,
      parts: Partial<AgreementParts>,
    ): Promise<void> {
      await k.transaction().execute(async (tx) => {
        await tx.updateTable('agreements').set(fields).where('id', '=', id).execute();
        await replaceParts(tx, id, parts);
      });
    },

    find: (id: string) => k.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst(),

    list: (filter: { departments?: readonly string[]; status?: string }) => {
      if (filter.departments?.length === 0) return Promise.resolve([] as AgreementRow[]);
      return k
        .selectFrom('agreements')
        .selectAll()
        .$if(filter.departments !== undefined, (q) =>
          q.where('department_id', 'in', [...filter.departments!]),
        )
        .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
        .orderBy('ends_at')
        .orderBy('organization')
        .execute();
    },

    /** Datasets and members of agreements, by agreement id. */
    async parts(ids: readonly string[]): Promise<Map<string, AgreementParts>> {
      const out = new Map<string, AgreementParts>(ids.map((id) => [id, { datasets: [], members: [] }]));
      if (!ids.length) return out;
      const [datasets, members] = await Promise.all([
        k
          .selectFrom('agreement_datasets')
          .selectAll()
          .where('agreement_id', 'in', [...ids])
          .orderBy('dataset_id')
          .execute(),
        k
          .selectFrom('agreement_members')
          .selectAll()
          .where('agreement_id', 'in', [...ids])
          .execute(),
      ]);
      for (const d of datasets) out.get(d.agreement_id)?.datasets.push(d.dataset_id);
      for (const m of members) out.get(m.agreement_id)?.members.push(m.user_id);
      return out;
    },

    /** Whether an account is (or was) a member of an agreement that names a dataset. */
    async knows(userId: string, datasetId: string): Promise<boolean> {
      const hit = await k
        .selectFrom('agreement_members as m')
        .innerJoin('agreement_datasets as d', 'd.agreement_id', 'm.agreement_id')
        .select('m.agreement_id')
        .where('m.user_id', '=', userId)
        .where('d.dataset_id', '=', datasetId)
        .limit(1)
        .executeTakeFirst();
      return hit !== undefined;
    },

    /** Signed drafts whose start has come. */
    dueToStart: (at: string) =>
      k
        .selectFrom('agreements')
        .selectAll()
        .where('status', '=', 'draft')
        .where('signed_at', 'is not', null)
        .where('starts_at', '<=', at)
        .execute(),

    /** Active agreements whose end has come. */
    dueToEnd: (at: string) =>
      k
        .selectFrom('agreements')
        .selectAll()
        .where('status', '=', 'active')
        .where('ends_at', '<=', at)
        .execute(),

    /** Active agreements ending before `horizon` with a notice still to send. */
    dueForNotice: (horizon: string) =>
      k
        .selectFrom('agreements')
        .selectAll()
        .where('status', '=', 'active')
        .where('ends_at', '<=', horizon)
        .where((eb) => eb.or([eb('expiry_notice_at', 'is', null), eb('final_notice_at', 'is', null)]))
        .execute(),

    /** Moves an agreement from one status to another; false when another node (or request) moved it first. */
    async transition(
      id: string,
      from: readonly string[],
      fields: Partial<Omit<AgreementRow, 'id' | 'created_at'>> & { status: string },
    ): Promise<boolean> {
      const result = await k
        .updateTable('agreements')
        .set(fields)
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Marks a notice as sent, once: false when it already was. */
    async claimNotice(
      id: string,
      column: 'expiry_notice_at' | 'final_notice_at',
      at: string,
    ): Promise<boolean> {
      const result = await k
        .updateTable('agreements')
        .set({ [column]: at })
        .where('id', '=', id)
        .where(column, 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type AgreementsRepo = ReturnType<typeof agreementsRepo>;
