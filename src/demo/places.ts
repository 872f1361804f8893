/**
 * The named places of the demo city: parks, community buildings and city facilities, placed by hand on the
 * street grid. Fixed, whatever the seed; zoning, polling places and facilities refer to them.
 */
import { GRID_STREETS, houseNumber } from './city.js';

export interface Place {
  name: string;
  kind: string;
  /** The street it fronts; its number comes from the position. */
  street: string;
  axis: 'ns' | 'ew';
  lon: number;
  lat: number;
  acres: number | null;
  amenities: readonly string[];
  hours: string;
}

const park = (
  name: string,
  kind: string,
  street: string,
  axis: 'ns' | 'ew',
  lon: number,
  lat: number,
  acres: number | null,
  amenities: readonly string[],
  hours = 'Dawn to 10 pm',
): Place => ({ name, kind, street, axis, lon, lat, acres, amenities, hours });

const OFFICE = 'Mon-Thu 7:30 am-5:30 pm; alternate Fridays';

// prettier-ignore
export const PARKS_AND_FACILITIES: readonly Place[] = [
  park('Westminster Civic Center', 'Civic center', 'Westminster Blvd', 'ew', -117.9925, 33.7574, 9.5, ['council chambers', 'plaza', 'public art', 'EV charging', 'restrooms'], OFFICE),
  park('Sigler Park', 'Community park', 'Hazard Ave', 'ew', -118.0035, 33.7535, 11.2, ['playground', 'splash pad', 'picnic shelters', 'baseball field', 'restrooms', 'community building']),
  park('Liberty Park', 'Community park', 'Bolsa Ave', 'ew', -118.0265, 33.7465, 8.1, ['soccer fields', 'playground', 'walking path', 'restrooms']),
  park('Freedom Memorial Park', 'Memorial park', 'Bolsa Ave', 'ew', -117.9785, 33.7462, 2.4, ['memorial', 'flag plaza', 'benches']),
  park('Little Saigon Heritage Plaza', 'Plaza', 'Bolsa Ave', 'ew', -117.9625, 33.7462, 0.8, ['public art', 'seating', 'event space']),
  park('Magnolia Greenbelt', 'Linear park', 'Magnolia St', 'ns', -117.9735, 33.7655, 3.6, ['walking path', 'fitness stations', 'dog waste stations']),
  park('Bushard Park', 'Neighborhood park', 'Bushard St', 'ns', -117.9645, 33.7335, 4.2, ['playground', 'basketball court', 'picnic tables']),
  park('Springdale Park', 'Neighborhood park', 'Springdale St', 'ns', -118.0205, 33.7705, 3.1, ['playground', 'tennis courts', 'picnic tables']),
  park('Edwards Pocket Park', 'Pocket park', 'Edwards St', 'ns', -118.0125, 33.7565, 0.5, ['tot lot', 'benches']),
  park('Goldenwest Sports Complex', 'Sports complex', 'Goldenwest St', 'ns', -118.0045, 33.7325, 14.8, ['lighted ball fields', 'soccer fields', 'concession stand', 'restrooms', 'parking']),
  park('Cascade Park', 'Neighborhood park', 'McFadden Ave', 'ew', -117.9565, 33.7395, 5.3, ['playground', 'picnic shelters', 'volleyball court']),
  park('Willow Creek Park', 'Neighborhood park', 'Edinger Ave', 'ew', -118.0305, 33.7315, 3.8, ['playground', 'walking path', 'picnic tables']),
  park('Cedar Grove Park', 'Neighborhood park', 'Ward St', 'ns', -117.9465, 33.7685, 2.9, ['playground', 'basketball court']),
  park('Harbor Lights Tot Lot', 'Pocket park', 'Garden Grove Blvd', 'ew', -117.9415, 33.7752, 0.4, ['tot lot', 'shade structure']),
  park('Palm Avenue Park', 'Neighborhood park', 'Palm Ave', 'ew', -118.0095, 33.7675, 4.6, ['playground', 'skate spot', 'picnic tables', 'restrooms']),
  park('Olive Street Park', 'Neighborhood park', 'Olive St', 'ns', -117.9985, 33.7795, 2.2, ['playground', 'community garden']),
  park('Trask Meadows Park', 'Neighborhood park', 'Trask Ave', 'ew', -117.9555, 33.7832, 3.4, ['soccer field', 'playground', 'walking path']),
  park('Newland Bark Park', 'Dog park', 'Newland St', 'ns', -117.9815, 33.7335, 1.6, ['off-leash area', 'small dog area', 'water fountain']),
  park('Westminster Tennis Center', 'Sports facility', 'Westminster Blvd', 'ew', -118.0175, 33.7604, 3, ['8 lighted tennis courts', 'pickleball courts', 'pro shop', 'restrooms'], '7 am-10 pm'),
  park('Westminster Community Center', 'Community center', 'Westminster Blvd', 'ew', -117.9898, 33.7595, null, ['gymnasium', 'meeting rooms', 'kitchen', 'classes'], 'Mon-Fri 8 am-9 pm; Sat 9 am-5 pm'),
  park('Westminster Senior Center', 'Senior center', 'Hazard Ave', 'ew', -117.9912, 33.7525, null, ['lunch program', 'classes', 'computer lab', 'social services'], 'Mon-Fri 8 am-4 pm'),
  park('Westminster Family Aquatic Center', 'Aquatic center', 'Beach Blvd', 'ns', -117.9868, 33.7555, 1.8, ['50 m pool', 'swim lessons', 'lap swim', 'locker rooms'], 'Seasonal; see schedule'),
  park('Rose Center Theater', 'Performing arts', 'Westminster Blvd', 'ew', -117.9945, 33.7576, null, ['theater', 'ballroom', 'rentals'], 'Box office Wed-Sat noon-6 pm'),
  park('Bolsa Chica Youth Sports Park', 'Sports complex', 'Bolsa Chica St', 'ns', -118.0385, 33.7575, 7.4, ['soccer fields', 'softball field', 'restrooms']),
  park('Hazard Recreation Center', 'Community center', 'Hazard Ave', 'ew', -117.9475, 33.7535, null, ['gymnasium', 'after-school program', 'game room'], 'Mon-Fri 2 pm-8 pm'),
  park('McFadden Family Resource Center', 'Community center', 'McFadden Ave', 'ew', -117.9705, 33.7365, null, ['family services', 'classes', 'food pantry'], 'Mon-Thu 9 am-5 pm'),
  park('Ward Street Pocket Park', 'Pocket park', 'Ward St', 'ns', -117.9435, 33.7355, 0.6, ['tot lot', 'benches']),
  park('Edinger Greenway', 'Linear park', 'Edinger Ave', 'ew', -117.9955, 33.7312, 2.8, ['walking path', 'native plant garden']),
  park('Brookhurst Community Garden', 'Community garden', 'Brookhurst St', 'ns', -117.9525, 33.7625, 1.1, ['garden plots', 'tool shed', 'compost area'], 'Dawn to dusk'),
  park('Springdale Skate Park', 'Sports facility', 'Springdale St', 'ns', -118.0235, 33.7365, 1.2, ['skate bowl', 'street course', 'restrooms'], 'Dawn to dusk'),
];

/** The street address of a place. */
export function placeAddress(place: Place): string {
  const [along, side] =
    place.axis === 'ew'
      ? [place.lon, place.lat > (streetAt(place) ?? place.lat) ? 1 : -1]
      : [place.lat, place.lon > (streetAt(place) ?? place.lon) ? 1 : -1];
  return `${houseNumber(place.axis, along, side as 1 | -1)} ${place.street}`;
}

function streetAt(place: Place): number | undefined {
  return GRID_STREETS.find((s) => s.name === place.street)?.at;
}
