/**
 * The simulated devices against the embedded MQTT broker: each Thing connects with its own device token and
 * publishes with QoS 1; minutes of simulated time sent at high speed end up committed, exactly the messages
 * the generator says (duplicates stored once, readings stamped in the future refused).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { networkDeliveries } from '../../src/demo/sensors/deliveries.js';
import type { SensorNetwork } from '../../src/demo/sensors/spec.js';
import { mqttLink } from '../../src/sensors/simulator/device-links.js';
import { networkIds, seedSensorNetwork } from '../../src/sensors/simulator/network-seed.js';
import { startSimulator } from '../../src/sensors/simulator/simulator.js';
import {
  ensureTokens,
  readTokens,
  simulatorLabel,
  type TokensFile,
} from '../../src/sensors/simulator/tokens.js';
import type { Schema } from '../../src/db/schema.js';
import { countRows, createDemoSensorDatasets } from '../fixtures/sensors.js';
import { createTestApp, describeDb, type TestApp } from '../support/index.js';

const MINUTE = 60_000;
const log = { warn: () => undefined };

describeDb('sensors: the simulated devices over MQTT', () => {
  let t: TestApp;
  let network: SensorNetwork;
  let tokens: TokensFile;
  let mqttUrl: string;
  const dir = mkdtempSync(join(tmpdir(), 'plaza-sim-'));
  const file = join(dir, 'tokens.json');
  const count = (table: keyof Schema) => countRows(t, table);

  beforeAll(async () => {
    t = await createTestApp();
    await createDemoSensorDatasets(t, dir);
    network = (await seedSensorNetwork(t.app.services, { scale: 0.02, days: 0 })).network;
    const broker = t.app.live.mqtt;
    if (!broker) throw new Error('the embedded MQTT broker is off');
    mqttUrl = `mqtt://127.0.0.1:${await broker.listen()}`;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issues one device token per Thing, kept in a private file and reused', async () => {
    const ids = await networkIds(t.db);
    const { devices } = t.app.services.sensors;
    tokens = await ensureTokens(devices, network, ids, file, simulatorLabel(file, true));
    expect(tokens.devices).toHaveLength(network.things.length);
    expect(new Set(tokens.devices.map((d) => d.token)).size).toBe(network.things.length);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await readTokens(file)).toEqual(tokens);
    const issued = await count('sensor_device_tokens');
    const again = await ensureTokens(devices, network, ids, file, simulatorLabel(file, true));
    expect(again.devices.map((d) => d.token)).toEqual(tokens.devices.map((d) => d.token));
    expect(await count('sensor_device_tokens')).toBe(issued);

    // A file for a remote simulator gets tokens of its own and leaves these alone.
    const remote = join(dir, 'remote.json');
    const other = await ensureTokens(devices, network, ids, remote, simulatorLabel(remote, false));
    expect(await count('sensor_device_tokens')).toBe(2 * issued);
    for (const d of tokens.devices) await expect(devices.authenticate(d.token)).resolves.toBeDefined();

    // A revoked token is replaced at the next start, and only that one.
    const first = other.devices[0]!;
    await devices.revoke(first.tokenId);
    const renewed = await ensureTokens(devices, network, ids, remote, simulatorLabel(remote, false));
    expect(renewed.devices[0]!.token).not.toBe(first.token);
    expect(renewed.devices.slice(1)).toEqual(other.devices.slice(1));
    await expect(devices.authenticate(renewed.devices[0]!.token)).resolves.toMatchObject({
      thingId: first.thingId,
    });
  });

  it('publishes minutes of simulated time at high speed, all of it committed', async () => {
    const from = Math.floor(Date.now() / MINUTE) * MINUTE - 6 * MINUTE;
    const link = mqttLink({ url: mqttUrl, log });
    const simulator = startSimulator({
      network,
      credentials: tokens.devices,
      link,
      from,
      speed: 600,
      log,
      tick: 50,
    });
    const started = Date.now();
    while (simulator.status().at < started - 1000) await new Promise((r) => setTimeout(r, 20));
    await simulator.stop();
    await link.close();
    const { at, sent, failed } = simulator.status();
    const expected = networkDeliveries(network, from, at);
    expect(failed).toBe(0);
    expect(sent).toBe(expected.length);
    // A small network: one air station and one noise monitor every minute, detectors every 5 minutes...
    expect(sent).toBeGreaterThan(40);
    // Every message was acknowledged after its commit: what is stored is there now. Resent readings are stored
    // once; readings a wrong clock stamped hours ahead are refused.
    const keys = new Set(
      expected
        .filter((d) => Date.parse(d.phenomenonTime.split('/')[0]!) <= Date.now() + 5 * MINUTE)
        .map((d) => `${d.stream.key} ${d.phenomenonTime.split('/')[0]}`),
    );
    expect(await count('sensor_observations')).toBe(keys.size);
    // The broker takes observations only from a device token, for the datastreams of that token's Thing: all
    // of them stored means each device wrote with its own.
  });

  it('counts messages as failed when the broker does not answer', async () => {
    const link = mqttLink({ url: 'mqtt://127.0.0.1:9', log, ackTimeout: 300 });
    const simulator = startSimulator({
      network,
      credentials: tokens.devices.filter((d) => d.device.startsWith('AQ-')),
      link,
      from: Date.now() - 2 * MINUTE,
      once: true,
      log,
    });
    await simulator.done;
    await link.close();
    expect(simulator.status().sent).toBe(0);
    expect(simulator.status().failed).toBeGreaterThan(0);
  });
});
