import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { createServices } from '../services.js';
import type { Command } from './command.js';

const USAGE = `Usage: plaza devices <action> [options]

Device tokens: the credential a Thing's device sends with its observations (HTTP "Authorization: Bearer ..."
or the MQTT password). A token is shown once, when it is created or rotated; Plaza keeps only its digest.

  plaza devices create --thing <id> [--label <text>]   issue a token for a Thing
  plaza devices list --thing <id>                      list a Thing's tokens (never the secrets)
  plaza devices rotate <token-id>                      replace a token: the old one stops working now
  plaza devices revoke <token-id>                      revoke a token: it stops working now`;

export const devicesCommand: Command = {
  usage: USAGE,
  options: { thing: { type: 'string' }, label: { type: 'string' } },
  async run({ config, values, positionals }) {
    const [action, tokenId] = positionals;
    const thing = values.thing === undefined ? undefined : Number(values.thing);
    const needThing = action === 'create' || action === 'list';
    if (!action || !['create', 'list', 'rotate', 'revoke'].includes(action)) {
      console.error(USAGE);
      return 2;
    }
    if (needThing && (thing === undefined || !Number.isSafeInteger(thing) || thing < 1)) {
      console.error(`plaza devices ${action}: give the Thing's id as --thing <id> (see /sta/v1.1/Things).`);
      return 2;
    }
    if (!needThing && !tokenId) {
      console.error(`plaza devices ${action}: give the token id (from "plaza devices list --thing <id>").`);
      return 2;
    }
    const db = openDatabase(config);
    try {
      await migrateToLatest(db);
      const { sensors } = createServices(config, db);
      const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));
      switch (action) {
        case 'create': {
          const issued = await sensors.devices.create(
            thing!,
            typeof values.label === 'string' ? values.label : '',
          );
          print(issued.device);
          console.log(`\ntoken (shown once, store it on the device now):\n${issued.token}`);
          break;
        }
        case 'list':
          print(await sensors.devices.list(thing!));
          break;
        case 'rotate': {
          const rotated = await sensors.devices.rotate(tokenId!);
          print({ replaced: rotated.replaced.id, device: rotated.device });
          console.log(`\nnew token (shown once, store it on the device now):\n${rotated.token}`);
          break;
        }
        case 'revoke':
          print(await sensors.devices.revoke(tokenId!));
          break;
      }
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        console.error(`plaza devices ${action}: ${error.message}`);
        return 1;
      }
      throw error;
    } finally {
      await db.close();
    }
  },
};
