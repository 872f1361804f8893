/**
 * The type checker on geo functions: the nodes they check to (within_box corners normalized, within_circle
 * as given, WKT longitude first) and their argument errors, on a point dataset and on a dataset of shapes.
 */
import { describe, expect, it } from 'vitest';
import { expectError, inSelect, inWhere, plan, SCHEMA, SHAPES } from '../../../test/support/soql-plans.js';

describe('planQuery: geo functions', () => {
  const geo = (text: string, schema = SCHEMA) =>
    plan({ select: `${text} AS g` }, undefined, schema).columns[0]!.expr;

  it('normalizes within_box corners to [west, south, east, north] whatever their order', () => {
    for (const corners of [
      '34, -118, 33, -117',
      '33, -117, 34, -118',
      '33, -118, 34, -117',
      '34, -117, 33, -118',
    ]) {
      expect(geo(`within_box(location, ${corners})`)).toEqual({
        k: 'withinBox',
        field: 'location',
        box: [-118, 33, -117, 34],
        point: true,
        type: 'boolean',
      });
    }
    expect(geo("within_box(location, '34', '-118', -33, 117)")).toMatchObject({ box: [-118, -33, 117, 34] });
  });

  it('keeps within_circle latitude and longitude as given (lat first), and the radius in metres', () => {
    expect(geo('within_circle(location, 33.7592, -117.9897, 500)')).toEqual({
      k: 'withinCircle',
      field: 'location',
      lat: 33.7592,
      lon: -117.9897,
      radius: 500,
      type: 'boolean',
    });
    expect(geo("within_circle(location, '0', '0', '0')")).toMatchObject({ lat: 0, lon: 0, radius: 0 });
  });

  it('reads WKT longitude first, with its bbox', () => {
    expect(geo("distance_in_meters(location, 'POINT (-117.99 33.75)')")).toMatchObject({
      lon: -117.99,
      lat: 33.75,
    });
    expect(
      geo("within_polygon(location, 'MULTIPOLYGON (((0 0, 2 0, 2 1, 0 0)), ((5 5, 6 5, 6 7, 5 5)))')"),
    ).toMatchObject({
      area: { geometry: { type: 'MultiPolygon' }, bbox: [0, 0, 6, 7] },
    });
  });

  it('applies box, polygon and intersects to other geometry, the box as a shape', () => {
    expect(geo('within_box(boundary, 34, -118, 33, -117)', SHAPES)).toMatchObject({
      field: 'boundary',
      point: false,
    });
    expect(geo("intersects(boundary, 'POINT (1 2)')", SHAPES)).toMatchObject({
      k: 'intersects',
      field: 'boundary',
    });
    expect(geo("within_polygon(boundary, 'POLYGON ((0 0, 1 0, 1 1, 0 0))')", SHAPES)).toMatchObject({
      k: 'withinPolygon',
    });
    expect(
      plan({ select: 'extent(boundary), convex_hull(boundary)' }, undefined, SHAPES).columns.map(
        (c) => c.type,
      ),
    ).toEqual(['geometry', 'geometry']);
  });

  it('refuses within_circle and distance_in_meters on a geometry column that is not of points', () => {
    expectError(() => plan({ where: 'within_circle(boundary, 33, -117, 10)' }, undefined, SHAPES), {
      code: 'query.type',
      clause: '$where',
      position: 15,
      near: 'boundary',
      message: 'within_circle() works on point columns; "boundary" holds other shapes',
    });
    expectError(() => plan({ select: "distance_in_meters(boundary, 'POINT (1 2)')" }, undefined, SHAPES), {
      code: 'query.type',
      clause: '$select',
      position: 20,
    });
  });

  it('refuses a first argument that is not a geometry column', () => {
    inWhere("intersects(name, 'POINT (1 2)')", {
      code: 'query.type',
      position: 12,
      message: 'the first argument of intersects() must be a geometry column',
    });
    inSelect('extent(upper(name))', { code: 'query.type', position: 8 });
  });

  it('refuses latitudes, longitudes and radii out of range or not written as numbers', () => {
    inWhere('within_box(location, 91, -118, 33, -117)', {
      code: 'query.invalid',
      position: 22,
      near: '91',
      message: 'latitude 91 is outside -90..90',
    });
    inWhere('within_circle(location, 33.75, -190, 10)', {
      code: 'query.invalid',
      position: 32,
      message: 'longitude -190 is outside -180..180',
    });
    // Longitude first, as in WKT, is caught by the latitude range.
    inWhere('within_circle(location, -117.99, 33.75, 10)', {
      code: 'query.invalid',
      position: 25,
      message: 'latitude',
    });
    inWhere('within_circle(location, 33.75, -117.99, -1)', {
      code: 'query.invalid',
      position: 41,
      message: 'the radius must not be negative',
    });
    inWhere("within_circle(location, 'north', -117, 1)", {
      code: 'query.type',
      position: 25,
      message: 'a latitude must be a number written in the query',
    });
    inWhere('within_circle(location, valuation, -117, 1)', { code: 'query.type', position: 25 });
  });

  it('refuses malformed WKT, wrong shapes and distance_in_meters without a POINT', () => {
    inWhere("within_polygon(location, 'POLYGON ((0 0, 1 0, 1 1, 0 0)')", {
      code: 'query.type',
      position: 26,
      message: "'POLYGON ((0 0, 1 0, 1 1, 0 0)' is not valid WKT",
    });
    inWhere("within_polygon(location, 'POINT (1 2)')", {
      code: 'query.type',
      position: 26,
      message: 'expected Polygon or MultiPolygon WKT, found Point',
    });
    inWhere("intersects(location, 'GEOMETRYCOLLECTION (POINT (1 2))')", {
      code: 'query.type',
      position: 22,
      message: 'GEOMETRYCOLLECTION is not supported here',
    });
    inWhere("intersects(location, 'POINT (200 2)')", {
      code: 'query.type',
      position: 22,
      message: 'is not a valid geometry',
    });
    inWhere('intersects(location, 5)', {
      code: 'query.type',
      position: 22,
      message: 'takes its shape as WKT text in quotes',
    });
    inWhere('distance_in_meters(location, 5) < 10', {
      code: 'query.type',
      position: 30,
      message: "the second argument is a point: 'POINT (lon lat)'",
    });
    inWhere("distance_in_meters(location, 'LINESTRING (0 0, 1 1)') < 10", {
      code: 'query.type',
      position: 30,
      message: 'expected Point WKT, found LineString',
    });
  });
});
