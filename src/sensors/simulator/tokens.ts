/**
 * The simulated devices' credentials: one device token per Thing, as the city would issue them, kept in a file
 * (mode 0600) because a token is shown only once. The file also names each device's datastreams, so that a
 * simulator on another machine can publish to a remote broker without access to the database.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SensorNetwork } from '../../demo/sensors/spec.js';
import type { DevicesService } from '../devices.service.js';
import type { NetworkIds } from './network-seed.js';

/**
 * The label of the tokens the simulator issues for a file, so that they can be told apart and replaced: the
 * in-process simulator's file and every file written with --write-tokens have their own.
 */
export const simulatorLabel = (file: string, inProcess: boolean) =>
  inProcess ? 'demo simulator' : `demo simulator (${basename(file)})`;

export interface DeviceCredentials {
  /** The Thing's external id (`PKS-0001`, `TD-01` ...), also the MQTT username. */
  device: string;
  thingId: number;
  /** The token's id, to check it is still valid. */
  tokenId: string;
  token: string;
  /** Datastream id per stream key. */
  datastreams: Record<string, number>;
}

export interface TokensFile {
  version: 1;
  /** The network the devices belong to. */
  seed: number;
  scale: number;
  devices: DeviceCredentials[];
}

export async function readTokens(file: string): Promise<TokensFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as TokensFile;
    return parsed.version === 1 && Array.isArray(parsed.devices) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export async function writeTokens(file: string, tokens: TokensFile): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(tokens, null, 1)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}

/**
 * Credentials for every device of the network: those of the file while they match the database's Things and
 * are not revoked, new tokens (issued through the devices service, labelled `label`) for the rest. The earlier
 * tokens of the same label are revoked: nobody can use them without the file. Writes the file when anything
 * changed.
 */
export async function ensureTokens(
  devices: Pick<DevicesService, 'create' | 'list' | 'revoke'>,
  network: SensorNetwork,
  ids: NetworkIds,
  file: string,
  label: string,
): Promise<TokensFile> {
  const stored = await readTokens(file);
  const byDevice = new Map(
    stored && stored.seed === network.seed && stored.scale === network.scale
      ? stored.devices.map((d) => [d.device, d])
      : [],
  );
  const result: TokensFile = { version: 1, seed: network.seed, scale: network.scale, devices: [] };
  let changed = !stored;
  for (const thing of network.things) {
    const thingId = ids.things.get(thing.externalId);
    if (thingId === undefined) continue;
    const datastreams: Record<string, number> = {};
    for (const stream of thing.streams) {
      const id = ids.datastreams.get(stream.key);
      if (id !== undefined) datastreams[stream.key] = id;
    }
    const issued = await devices.list(thingId);
    const known = byDevice.get(thing.externalId);
    const valid =
      known?.thingId === thingId && issued.some((t) => t.id === known.tokenId && t.revokedAt === null);
    if (valid) {
      result.devices.push({ ...known, datastreams });
      continue;
    }
    for (const old of issued) {
      if (old.label === label && old.revokedAt === null) await devices.revoke(old.id);
    }
    const { token, device } = await devices.create(thingId, label);
    result.devices.push({ device: thing.externalId, thingId, tokenId: device.id, token, datastreams });
    changed = true;
  }
  if (changed) await writeTokens(file, result);
  return result;
}
