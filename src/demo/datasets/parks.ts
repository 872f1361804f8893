/** Parks and recreation facilities: about thirty named places as GeoJSON points. */
import { councilDistrict } from '../city.js';
import { datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { PARKS_AND_FACILITIES, placeAddress } from '../places.js';
import { GeoJsonWriter } from '../writers.js';

export async function writeParks(context: DemoContext): Promise<DemoDataset> {
  const name = 'parks-facilities.geojson';
  const out = await GeoJsonWriter.open(context.path(name));
  let n = 0;
  for (const place of PARKS_AND_FACILITIES) {
    n++;
    await out.feature(
      { type: 'Point', coordinates: [place.lon, place.lat] },
      {
        facility_id: `PK-${String(n).padStart(3, '0')}`,
        name: place.name,
        type: place.kind,
        address: placeAddress(place),
        acres: place.acres,
        amenities: place.amenities.join('; '),
        hours: place.hours,
        council_district: councilDistrict(place.lon, place.lat),
      },
    );
  }
  const rows = await out.close();
  return {
    file: { name, format: 'geojson', rows },
    meta: datasetMeta(context, {
      id: 'parks-facilities',
      title: 'Parks and Recreation Facilities',
      category: 'parks-recreation',
      keywords: ['parks', 'recreation', 'playgrounds', 'sports fields', 'community centers'],
      department: 'community-services',
      steward: STEWARDS.parks,
      update_frequency: 'R/P1Y',
      temporal: null,
      paragraphs: [
        'Parks, sports complexes, community and senior centers, the aquatic center and other places run by Community Services. **One feature is one park or facility**, a point at its main entrance, with its type, street address, size in acres (for outdoor places), its amenities separated by semicolons, and its usual hours.',
        'The list is reviewed every year when the parks master plan is updated, and when a place opens or closes. Reservations for picnic shelters, rooms and fields are made through Community Services.',
        'Caveats: hours change with the seasons and with programs; check before you go. School grounds shared with the city under joint-use agreements are not included.',
      ],
      method: 'the places are invented and set by hand on the arterial grid.',
      license: 'ODC-By-1.0',
      attribution:
        'Parks and facilities: City of Westminster Community Services (demonstration data), ODC-By 1.0',
    }),
  };
}
