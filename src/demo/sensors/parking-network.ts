/**
 * The parking part of the network: one Thing per sensor-equipped stall (the spaces and sensor ids of the
 * Public Parking Spaces dataset) and one gateway Thing per lot or block face that counts its stalls.
 */
import { parkingLayout, type ParkingSpace } from '../datasets/parking.js';
import { createRandom } from '../random.js';
import { scaled, stream, type NetworkThing, type StreamSpec } from './spec.js';
import { VOCABULARY } from './vocabulary.js';

const FIVE_MINUTES = 5 * 60_000;

/** `3 hours` → 180, `30 minutes` → 30, anything else (park hours) → 0. */
export function limitMinutes(limit: string): number {
  const match = /^(\d+) (hour|minute)s?$/.exec(limit);
  if (!match) return 0;
  return Number(match[1]) * (match[2] === 'hour' ? 60 : 1);
}

interface Block {
  name: string;
  spaces: ParkingSpace[];
}

/** Lots are one block; a curb is one block face per side of the street. */
function blocks(seed: number): Block[] {
  const found = new Map<string, Block>();
  for (const space of parkingLayout(createRandom(seed, 'parking-spaces'))) {
    if (!space.sensorId) continue;
    const name = space.facility.curb
      ? `${space.facility.name.replace(/^([^,]+),/, `$1 (${space.row}),`)}`
      : space.facility.name;
    let block = found.get(name);
    if (!block) found.set(name, (block = { name, spaces: [] }));
    block.spaces.push(space);
  }
  return [...found.values()];
}

export function parkingThings(seed: number, scale: number): NetworkThing[] {
  const things: NetworkThing[] = [];
  blocks(seed).forEach((block, index) => {
    const gateway = `PKG-${String(index + 1).padStart(2, '0')}`;
    const members: StreamSpec[] = [];
    for (const space of scaled(block.spaces, scale, 2)) {
      const id = space.sensorId!;
      const state = stream(seed, id, 'state', {
        kind: 'state',
        name: `${id} ${VOCABULARY.state.label}`,
        cadence: 0,
        interval: false,
        site: {
          type: 'space',
          area: space.facility.area,
          spaceType: space.type,
          limitMinutes: limitMinutes(space.timeLimit),
        },
      });
      members.push(state);
      things.push({
        datasetId: 'parking-occupancy',
        externalId: id,
        name: `Parking sensor ${id}`,
        description: `In-ground occupancy sensor of space ${space.spaceId}, ${space.facility.name}, ${space.row}.`,
        properties: {
          sensor_id: id,
          space_id: space.spaceId,
          facility: space.facility.name,
          row: space.row,
          space_type: space.type,
          time_limit: space.timeLimit,
          gateway,
        },
        location: [space.lon, space.lat],
        locationName: `Space ${space.spaceId}`,
        streams: [state],
      });
    }
    const lon = block.spaces.reduce((sum, s) => sum + s.lon, 0) / block.spaces.length;
    const lat = block.spaces.reduce((sum, s) => sum + s.lat, 0) / block.spaces.length;
    const count = (kind: 'occupied' | 'operational') =>
      stream(seed, gateway, kind, {
        kind,
        name: `${block.name}: ${VOCABULARY[kind].label}`,
        cadence: FIVE_MINUTES,
        interval: false,
        site: { type: 'group', members },
      });
    things.push({
      datasetId: 'parking-occupancy',
      externalId: gateway,
      name: `${block.name} parking gateway`,
      description: `Counts the ${members.length} sensor-equipped spaces of ${block.name} every 5 minutes: how many are occupied and how many are operational.`,
      properties: {
        facility: block.spaces[0]!.facility.name,
        block_face: block.spaces[0]!.facility.curb ? block.spaces[0]!.row : null,
        spaces: members.length,
        sensor_ids: members.map((m) => m.key.split(':')[0]),
      },
      location: [lon, lat],
      locationName: block.name,
      streams: [count('occupied'), count('operational')],
    });
  });
  return things;
}
