/** Street centerlines: arterials and collectors cut at each crossing, local streets, and the two freeways. */
import { FREEWAYS, MIDWAY_CITY, gridLines, inBox } from '../city.js';
import { datasetMeta, type DemoContext, type DemoDataset } from '../context.js';
import { STEWARDS } from '../departments.js';
import { LON_SCALE, streetNetwork, type StreetLine } from '../streets.js';
import { GeoJsonWriter, type Position } from '../writers.js';

const METERS_PER_DEGREE = 110_574;

function lengthMeters(path: readonly Position[]): number {
  let total = 0;
  for (let i = 0; i + 1 < path.length; i++) {
    const [x1, y1] = path[i] as Position;
    const [x2, y2] = path[i + 1] as Position;
    total += Math.hypot((x2 - x1) * LON_SCALE, y2 - y1) * METERS_PER_DEGREE;
  }
  return Math.round(total);
}

const pointAt = (street: StreetLine, along: number): Position =>
  street.axis === 'ew' ? [along, street.at] : [street.at, along];

function jurisdiction(street: StreetLine, a: Position, b: Position): string {
  if (street.name === 'Beach Blvd') return 'Caltrans (SR-39)';
  const mid: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  return inBox(MIDWAY_CITY, mid[0], mid[1]) ? 'County of Orange' : 'City of Westminster';
}

export async function writeCenterlines(context: DemoContext): Promise<DemoDataset> {
  const name = 'street-centerlines.geojson';
  const out = await GeoJsonWriter.open(context.path(name));
  const grid = streetNetwork().filter((s) => s.cls !== 'local');
  const nameAt = (axis: 'ns' | 'ew', at: number) =>
    grid.find((s) => s.axis === axis && s.at === at)?.name ?? null;
  let n = 0;
  const id = () => `SEG-${String(++n).padStart(5, '0')}`;

  for (const street of grid) {
    // Grid streets are cut at every crossing grid street, as centerline files usually are.
    const cuts = gridLines(street.axis === 'ew' ? 'ns' : 'ew');
    for (let i = 0; i + 1 < cuts.length; i++) {
      const from = cuts[i] as number;
      const to = cuts[i + 1] as number;
      const a = pointAt(street, from);
      const b = pointAt(street, to);
      const crossAxis = street.axis === 'ew' ? 'ns' : 'ew';
      await out.feature(
        { type: 'LineString', coordinates: [a, b] },
        {
          segment_id: id(),
          name: street.name,
          class: street.cls,
          from_street: nameAt(crossAxis, from),
          to_street: nameAt(crossAxis, to),
          speed_limit_mph: street.speed,
          lanes: street.lanes,
          length_m: lengthMeters([a, b]),
          jurisdiction: jurisdiction(street, a, b),
        },
      );
    }
  }
  for (const street of streetNetwork().filter((s) => s.cls === 'local')) {
    const path = [pointAt(street, street.from), pointAt(street, street.to)];
    await out.feature(
      { type: 'LineString', coordinates: path },
      {
        segment_id: id(),
        name: street.name,
        class: 'local',
        from_street: null,
        to_street: null,
        speed_limit_mph: street.speed,
        lanes: street.lanes,
        length_m: lengthMeters(path),
        jurisdiction: 'City of Westminster',
      },
    );
  }
  for (const freeway of FREEWAYS) {
    await out.feature(
      { type: 'LineString', coordinates: freeway.path },
      {
        segment_id: id(),
        name: freeway.name,
        class: 'freeway',
        from_street: null,
        to_street: null,
        speed_limit_mph: freeway.speed,
        lanes: freeway.lanes,
        length_m: lengthMeters(freeway.path),
        jurisdiction: 'Caltrans',
      },
    );
  }
  const rows = await out.close();

  return {
    file: { name, format: 'geojson', rows },
    meta: datasetMeta(context, {
      id: 'street-centerlines',
      title: 'Street Centerlines',
      category: 'geospatial',
      keywords: ['streets', 'centerlines', 'roads', 'speed limits', 'transportation', 'basemap'],
      department: 'public-works',
      steward: STEWARDS.gis,
      update_frequency: 'R/P1M',
      temporal: null,
      paragraphs: [
        'The centerline of every public street in the city, from the arterials (Beach Boulevard, Bolsa Avenue, Magnolia Street and the rest) down to the local streets of the neighborhoods, plus the I-405 and SR-22 freeways. **One feature is one street segment**: arterials and collectors are cut at each crossing with another arterial or collector, and `from_street` and `to_street` name the crossings.',
        'Each segment carries its class (freeway, arterial, collector, local), posted speed limit in miles per hour, number of through lanes, length in meters and the agency that maintains it. The GIS team updates the file monthly from accepted street improvement plans and new subdivisions.',
        'Caveats: geometry is simplified to straight lines between crossings; curb lines, medians and turn pockets are not drawn. Beach Boulevard is State Route 39 and maintained by Caltrans; streets in Midway City belong to the County of Orange.',
      ],
      method:
        'arterials follow the longitudes and latitudes in the city notes, local streets are invented inside each superblock.',
    }),
  };
}
