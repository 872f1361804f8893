import { describe, expect, it } from 'vitest';
import {
  EXTENT,
  MIDWAY_CITY,
  councilDistrict,
  districtRings,
  houseNumber,
  inBox,
  inCity,
  superblocks,
  zipCode,
} from './city.js';
import { inPolygon, signedArea } from './geometry.js';
import { PARKS_AND_FACILITIES, placeAddress } from './places.js';
import { createRandom } from './random.js';
import { parcelNumber, randomSite } from './sites.js';
import { streetNetwork } from './streets.js';
import type { Position } from './writers.js';

describe('council districts', () => {
  it('are closed polygons, exteriors counterclockwise and holes clockwise', () => {
    for (const district of [1, 2, 3, 4] as const) {
      const rings = districtRings(district);
      rings.forEach((ring, i) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring.at(-1));
        if (i === 0) expect(signedArea(ring)).toBeGreaterThan(0);
        else expect(signedArea(ring)).toBeLessThan(0);
      });
    }
  });

  it('agree with councilDistrict for points across the city', () => {
    const random = createRandom(1, 'districts');
    const [west, south, east, north] = EXTENT;
    const wrong: Position[] = [];
    for (let i = 0; i < 3_000; i++) {
      const point: Position = [random.range(west, east), random.range(south, north)];
      if (!inCity(point[0], point[1])) continue;
      const containing = ([1, 2, 3, 4] as const).filter((d) => inPolygon(districtRings(d), point));
      if (containing.length !== 1 || containing[0] !== councilDistrict(point[0], point[1])) wrong.push(point);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the street network', () => {
  it('lies inside the extent and keeps local streets out of Midway City', () => {
    const streets = streetNetwork();
    expect(streets.filter((s) => s.cls === 'local').length).toBeGreaterThan(200);
    const bad = streets.filter((s) => {
      const ends: Position[] =
        s.axis === 'ew'
          ? [
              [s.from, s.at],
              [s.to, s.at],
            ]
          : [
              [s.at, s.from],
              [s.at, s.to],
            ];
      return (
        s.to <= s.from ||
        ends.some(([lon, lat]) => !inBox(EXTENT, lon, lat)) ||
        (s.cls === 'local' && ends.some(([lon, lat]) => inBox(MIDWAY_CITY, lon, lat)))
      );
    });
    expect(bad).toEqual([]);
    expect(new Set(streets.map((s) => s.name)).size).toBe(streets.length);
  });

  it('cuts the city into superblocks between arterials', () => {
    const cells = superblocks();
    expect(cells.length).toBeGreaterThan(60);
    for (const c of cells) expect(c.east > c.west && c.north > c.south).toBe(true);
  });
});

describe('sites and addresses', () => {
  it('puts sites inside the city with consistent district, ZIP and parcel numbers', () => {
    const random = createRandom(4, 'sites');
    const sites = Array.from({ length: 2_000 }, () =>
      randomSite(random, { classes: { local: 5, arterial: 2, collector: 1 } }),
    );
    const address = /^\d{4,5} [A-Z][A-Za-z ]+ (St|Ave|Ln|Dr|Cir|Pl|Way|Ct|Blvd)$/;
    const bad = sites.filter(
      (site) =>
        !inCity(site.lon, site.lat) ||
        site.district !== councilDistrict(site.lon, site.lat) ||
        !['92683', '92684', '92685'].includes(site.zip) ||
        !address.test(site.address) ||
        !/^0\d{2}-\d{3}-\d{2}$/.test(parcelNumber(site)),
    );
    expect(bad).toEqual([]);
  });

  it('numbers the Civic Center 8200 Westminster Blvd, odd on the north side', () => {
    expect(houseNumber('ew', -117.9925, -1)).toBe(8200);
    expect(houseNumber('ew', -117.9925, 1)).toBe(8201);
    expect(houseNumber('ns', 33.75, -1) % 2).toBe(1);
  });

  it('uses all three ZIP codes', () => {
    expect(zipCode(-118.03, 33.78)).toBe('92684');
    expect(zipCode(-117.94, 33.725)).toBe('92685');
    expect(zipCode(-117.99, 33.75)).toBe('92683');
  });

  it('places every park and facility inside the city', () => {
    for (const place of PARKS_AND_FACILITIES) {
      expect(inCity(place.lon, place.lat), place.name).toBe(true);
    }
    const civic = PARKS_AND_FACILITIES.find((p) => p.name === 'Westminster Civic Center');
    expect(civic && placeAddress(civic)).toBe('8200 Westminster Blvd');
  });
});
