/** SQL for device tokens. */
import type { Kysely } from 'kysely';
import type { Schema, SensorDeviceTokenTable } from '../db/schema.js';

export type DeviceTokenRow = SensorDeviceTokenTable;

export function devicesRepo(db: Kysely<Schema>) {
  return {
    async insert(row: DeviceTokenRow): Promise<void> {
      await db.insertInto('sensor_device_tokens').values(row).execute();
    },
    async byPrefix(prefix: string): Promise<DeviceTokenRow | undefined> {
      return db
        .selectFrom('sensor_device_tokens')
        .selectAll()
        .where('prefix', '=', prefix)
        .executeTakeFirst();
    },
    async byId(id: string): Promise<DeviceTokenRow | undefined> {
      return db.selectFrom('sensor_device_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async ofThing(thingId: number): Promise<DeviceTokenRow[]> {
      return db
        .selectFrom('sensor_device_tokens')
        .selectAll()
        .where('thing_id', '=', thingId)
        .orderBy('created_at')
        .execute();
    },
    async revoke(id: string, at: string): Promise<void> {
      await db
        .updateTable('sensor_device_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async touch(id: string, at: string): Promise<void> {
      await db.updateTable('sensor_device_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}

export type DevicesRepo = ReturnType<typeof devicesRepo>;
