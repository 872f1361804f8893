/**
 * The Westminster sensor network of the demo: parking stall sensors and their lot gateways, traffic detector
 * stations, air quality stations and noise monitors, as Things with their Datastreams. Pure and
 * deterministic: the same seed and scale give the same network, ids and all, so a second seed finds what the
 * first one created.
 */
import { parkingThings } from './parking-network.js';
import type { NetworkOptions, SensorNetwork } from './spec.js';
import { airStations, noiseMonitors, trafficStations } from './stations.js';

export type * from './spec.js';

export function sensorNetwork(options: NetworkOptions = {}): SensorNetwork {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1], got ${scale}`);
  const things = [
    ...parkingThings(seed, scale),
    ...trafficStations(seed, scale),
    ...airStations(seed, scale),
    ...noiseMonitors(seed, scale),
  ];
  return { seed, scale, things, streams: things.flatMap((t) => t.streams) };
}
