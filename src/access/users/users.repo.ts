import type { Database } from '../../db/database.js';
import type { UserRoleTable, UserTable } from '../../db/access-schema.js';

export type UserRow = UserTable;
export type UserRoleRow = UserRoleTable;

/** The SQL of accounts and their roles. */
export function usersRepo(db: Pick<Database, 'kysely'>) {
  const k = db.kysely;
  return {
    async insert(row: UserRow, roles: readonly UserRoleRow[]): Promise<void> {
      await k.transaction().execute(async (tx) => {
        await tx.insertInto('users').values(row).execute();
        if (roles.length)
          await tx
            .insertInto('user_roles')
            .values([...roles])
            .execute();
      });
    },
    find: (id: string) => k.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    findByEmail: (email: string) =>
      k.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst(),
    findBySubject: (subject: string) =>
      k.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst(),
    list: (kind?: string) =>
      k
        .selectFrom('users')
        .selectAll()
        .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
        .orderBy('email')
        .execute(),
    roles: (userId: string) => k.selectFrom('user_roles').selectAll().where('user_id', '=', userId).execute(),
    allRoles: () => k.selectFrom('user_roles').selectAll().execute(),
    async setRoles(userId: string, roles: readonly UserRoleRow[]): Promise<void> {
      await k.transaction().execute(async (tx) => {
        await tx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
        if (roles.length)
          await tx
            .insertInto('user_roles')
            .values([...roles])
            .execute();
      });
    },
    async update(id: string, fields: Partial<Omit<UserRow, 'id' | 'created_at'>>): Promise<void> {
      await k.updateTable('users').set(fields).where('id', '=', id).execute();
    },
    /** Active dataset and tier grants of a user at an instant. */
    activeGrants: (userId: string, at: string) =>
      k
        .selectFrom('access_grants')
        .select(['dataset_id', 'tier'])
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('starts_at', '<=', at)
        .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', at)]))
        .execute(),
  };
}

export type UsersRepo = ReturnType<typeof usersRepo>;
