import { sql, type Kysely } from 'kysely';

/**
 * The SQL functions compiled SoQL queries call, for PostgreSQL (SQLite registers JavaScript ones on every
 * connection: src/db/sqlite-functions.ts, so this migration does nothing there). They mirror src/geo step by
 * step and must return the same results; src/geo/sql-functions.int.test.ts checks both databases against it.
 *
 * - plaza_intersects(a text, b text), plaza_within(a text, area text) → boolean: NULL for NULL or malformed
 *   GeoJSON, and plaza_within also for an area that is not a Polygon or MultiPolygon. Plain SQL that the planner
 *   inlines, so that a constant (or bound) argument is read once, at planning, instead of on every row.
 * - plaza_distance(lon1, lat1, lon2, lat2 float8) → float8: haversine meters; plain SQL that the planner inlines.
 * - aggregate plaza_hull(text) → text: the convex hull of every vertex of the well-formed values, as the text
 *   JavaScript's JSON.stringify gives (same digits for every |coordinate| < 2^53; above that PostgreSQL may
 *   keep a 17th digit where JavaScript picks a shorter tie-to-even form).
 *
 * Reading catches errors (plaza__read_safe), which starts a subtransaction: PostgreSQL 15 forbids that in
 * parallel mode, so plaza__read_safe, and with it the predicates and plaza_hull, stay PARALLEL UNSAFE.
 * Internal helpers are named plaza__*. A geometry is read into a plaza__geom: the layout of src/geo/shape.ts
 * with 1-based indices (ls: polyline starts plus a sentinel, ps: each polygon's first ring plus a sentinel).
 */

/**
 * 2 R asin(min(1, sqrt(|h|))), h the haversine of src/geo/sphere.ts, operation for operation; arguments below
 * 1e-100 in magnitude count as 0 (so that no product underflows, which PostgreSQL reports as an error).
 */
const RAD = '0.017453292519943295::float8';
const arg = (name: string) => `(CASE WHEN abs(${name}) < '1e-100'::float8 THEN 0::float8 ELSE ${name} END)`;
const [LON1, LAT1, LON2, LAT2] = ['lon1', 'lat1', 'lon2', 'lat2'].map(arg);
const HALF_DLAT = `sin((${LAT2} - ${LAT1}) * ${RAD} / 2::float8)`;
const HALF_DLON = `sin((${LON2} - ${LON1}) * ${RAD} / 2::float8)`;
const HAVERSINE = `${HALF_DLAT} * ${HALF_DLAT} + cos(${LAT1} * ${RAD}) * cos(${LAT2} * ${RAD}) * ${HALF_DLON} * ${HALF_DLON}`;
const ROOT = `sqrt(abs(${HAVERSINE}))`;

const statements = [
  // bounds: [minx, miny, maxx, maxy], NULL when there is no vertex.
  `CREATE TYPE plaza__geom AS (
     kind text, xs float8[], ys float8[], npts int, ls int[], npaths int, ps int[], bounds float8[])`,

  // Planar primitives, inlined into the PL/pgSQL expressions that call them.
  `CREATE OR REPLACE FUNCTION plaza__orient(xa float8, ya float8, xb float8, yb float8, xc float8, yc float8)
   RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
   $$ SELECT (xb - xa) * (yc - ya) - (yb - ya) * (xc - xa) $$`,
  `CREATE OR REPLACE FUNCTION plaza__between(v float8, a float8, b float8) RETURNS boolean
   LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
   $$ SELECT CASE WHEN a <= b THEN a <= v AND v <= b ELSE b <= v AND v <= a END $$`,
  `CREATE OR REPLACE FUNCTION plaza__on_segment(px float8, py float8, xa float8, ya float8, xb float8, yb float8)
   RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
   $$ SELECT plaza__orient(xa, ya, xb, yb, px, py) = 0 AND plaza__between(px, xa, xb) AND plaza__between(py, ya, yb) $$`,
  `CREATE OR REPLACE FUNCTION plaza__opposite(d1 float8, d2 float8) RETURNS boolean
   LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (d1 > 0 AND d2 < 0) OR (d1 < 0 AND d2 > 0) $$`,

  // Reading GeoJSON (src/geo/shape.ts). Malformed input raises; plaza__read_safe turns that into NULL.
  // A JSON number as JavaScript reads it: magnitudes it rounds to zero are zero (PostgreSQL would raise).
  `CREATE OR REPLACE FUNCTION plaza__number(n jsonb) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
   $$ SELECT CASE WHEN abs(n::numeric) < 2.470328229206232720882843964341e-324 THEN 0::float8 ELSE n::float8 END $$`,
  `CREATE OR REPLACE FUNCTION plaza__coordinate(v float8) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
   $$ SELECT v IS NOT NULL AND (v = 0 OR abs(v) BETWEEN '1e-50'::float8 AND '1e50'::float8) $$`,
  `CREATE OR REPLACE FUNCTION plaza__position(p jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
   $$ SELECT coalesce(jsonb_typeof(p) = 'array' AND jsonb_typeof(p -> 0) = 'number'
                      AND jsonb_typeof(p -> 1) = 'number', false) $$`,
  `CREATE OR REPLACE FUNCTION plaza__positions(list jsonb, min_count int,
     OUT vx float8[], OUT vy float8[], OUT bounds float8[])
   LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
   DECLARE ok boolean;
   BEGIN
     IF jsonb_typeof(list) IS DISTINCT FROM 'array' OR jsonb_array_length(list) < min_count THEN
       RAISE EXCEPTION 'plaza: malformed geometry';
     END IF;
     SELECT coalesce(array_agg(x ORDER BY i), '{}'), coalesce(array_agg(y ORDER BY i), '{}'),
            ARRAY[min(x), min(y), max(x), max(y)],
            coalesce(bool_and(plaza__coordinate(x) AND plaza__coordinate(y)), true)
       INTO vx, vy, bounds, ok
       FROM (SELECT i, CASE WHEN plaza__position(p) THEN plaza__number(p -> 0) END AS x,
                       CASE WHEN plaza__position(p) THEN plaza__number(p -> 1) END AS y
               FROM jsonb_array_elements(list) WITH ORDINALITY AS e(p, i)) AS s;
     IF NOT ok THEN RAISE EXCEPTION 'plaza: malformed geometry'; END IF;
   END $$`,
  `CREATE OR REPLACE FUNCTION plaza__read(doc jsonb) RETURNS plaza__geom
   LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
   DECLARE
     px float8[] := '{}'; py float8[] := '{}';
     lx float8[] := '{}'; ly float8[] := '{}'; ls int[] := '{}';
     rx float8[] := '{}'; ry float8[] := '{}'; rs int[] := '{}'; ps int[] := '{}';
     todo jsonb[] := ARRAY[doc]; depths int[] := ARRAY[0]; b float8[]; x float8; y float8;
     g jsonb; c jsonb; item jsonb; ring jsonb; depth int; n int; k int; v record;
     xs float8[]; ys float8[]; lstart int[] := '{}'; pstart int[] := '{}';
   BEGIN
     WHILE cardinality(todo) > 0 LOOP
       n := cardinality(todo);
       g := todo[n]; depth := depths[n];
       todo := todo[1:n - 1]; depths := depths[1:n - 1];
       IF jsonb_typeof(g) IS DISTINCT FROM 'object' THEN RAISE EXCEPTION 'plaza: malformed geometry'; END IF;
       c := g -> 'coordinates';
       CASE g ->> 'type'
         WHEN 'Point' THEN
           IF plaza__position(c) THEN x := plaza__number(c -> 0); y := plaza__number(c -> 1); END IF;
           IF NOT (plaza__position(c) AND plaza__coordinate(x) AND plaza__coordinate(y)) THEN
             RAISE EXCEPTION 'plaza: malformed geometry';
           END IF;
           px := array_append(px, x); py := array_append(py, y);
           b := ARRAY[least(b[1], x), least(b[2], y), greatest(b[3], x), greatest(b[4], y)];
         WHEN 'MultiPoint' THEN
           SELECT * INTO v FROM plaza__positions(c, 0);
           px := px || v.vx; py := py || v.vy;
           b := ARRAY[least(b[1], v.bounds[1]), least(b[2], v.bounds[2]),
                      greatest(b[3], v.bounds[3]), greatest(b[4], v.bounds[4])];
         WHEN 'LineString', 'MultiLineString' THEN
           IF g ->> 'type' = 'LineString' THEN c := jsonb_build_array(c); END IF;
           IF jsonb_typeof(c) IS DISTINCT FROM 'array' THEN RAISE EXCEPTION 'plaza: malformed geometry'; END IF;
           FOR item IN SELECT e FROM jsonb_array_elements(c) WITH ORDINALITY AS t(e, i) ORDER BY i LOOP
             SELECT * INTO v FROM plaza__positions(item, 2);
             ls := array_append(ls, cardinality(lx)); lx := lx || v.vx; ly := ly || v.vy;
             b := ARRAY[least(b[1], v.bounds[1]), least(b[2], v.bounds[2]),
                        greatest(b[3], v.bounds[3]), greatest(b[4], v.bounds[4])];
           END LOOP;
         WHEN 'Polygon', 'MultiPolygon' THEN
           IF g ->> 'type' = 'Polygon' THEN c := jsonb_build_array(c); END IF;
           IF jsonb_typeof(c) IS DISTINCT FROM 'array' THEN RAISE EXCEPTION 'plaza: malformed geometry'; END IF;
           FOR item IN SELECT e FROM jsonb_array_elements(c) WITH ORDINALITY AS t(e, i) ORDER BY i LOOP
             IF jsonb_typeof(item) IS DISTINCT FROM 'array' OR jsonb_array_length(item) < 1 THEN
               RAISE EXCEPTION 'plaza: malformed geometry';
             END IF;
             ps := array_append(ps, cardinality(rs));
             FOR ring IN SELECT e FROM jsonb_array_elements(item) WITH ORDINALITY AS t(e, i) ORDER BY i LOOP
               SELECT * INTO v FROM plaza__positions(ring, 4);
               n := cardinality(v.vx);
               IF v.vx[1] <> v.vx[n] OR v.vy[1] <> v.vy[n] THEN RAISE EXCEPTION 'plaza: malformed geometry'; END IF;
               rs := array_append(rs, cardinality(rx)); rx := rx || v.vx; ry := ry || v.vy;
               b := ARRAY[least(b[1], v.bounds[1]), least(b[2], v.bounds[2]),
                          greatest(b[3], v.bounds[3]), greatest(b[4], v.bounds[4])];
             END LOOP;
           END LOOP;
         WHEN 'GeometryCollection' THEN
           c := g -> 'geometries';
           IF depth > 8 OR jsonb_typeof(c) IS DISTINCT FROM 'array' THEN
             RAISE EXCEPTION 'plaza: malformed geometry';
           END IF;
           FOR item IN SELECT e FROM jsonb_array_elements(c) WITH ORDINALITY AS t(e, i) ORDER BY i LOOP
             todo := array_append(todo, item); depths := array_append(depths, depth + 1);
           END LOOP;
         ELSE RAISE EXCEPTION 'plaza: malformed geometry';
       END CASE;
     END LOOP;
     xs := px || lx || rx; ys := py || ly || ry;
     FOR k IN 1 .. cardinality(ls) LOOP lstart := array_append(lstart, ls[k] + cardinality(px) + 1); END LOOP;
     FOR k IN 1 .. cardinality(rs) LOOP
       lstart := array_append(lstart, rs[k] + cardinality(px) + cardinality(lx) + 1);
     END LOOP;
     FOR k IN 1 .. cardinality(ps) LOOP pstart := array_append(pstart, ps[k] + cardinality(ls) + 1); END LOOP;
     RETURN ROW(doc ->> 'type', xs, ys, cardinality(px), array_append(lstart, cardinality(xs) + 1),
       cardinality(ls), array_append(pstart, cardinality(ls) + cardinality(rs) + 1),
       CASE WHEN cardinality(xs) > 0 THEN b END)::plaza__geom;
   END $$`,
  `CREATE OR REPLACE FUNCTION plaza__read_safe(doc text) RETURNS plaza__geom
   LANGUAGE plpgsql IMMUTABLE STRICT AS $$
   BEGIN
     RETURN plaza__read(doc::jsonb);
   EXCEPTION WHEN OTHERS THEN RETURN NULL;
   END $$`,

  // Points against a geometry (src/geo/predicates.ts: insideAny, onRings, hits, covers). Polylines
  // first_line..last_line; the segments of polyline j start at vertices ls[j] .. ls[j + 1] - 2.
  `CREATE OR REPLACE FUNCTION plaza__inside_any(s plaza__geom, px float8, py float8) RETURNS boolean
   LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
   DECLARE xs float8[] := s.xs; ys float8[] := s.ys; ls int[] := s.ls; ps int[] := s.ps;
     k int; j int; i int; inside boolean; ya float8; yb float8; o float8;
   BEGIN
     FOR k IN 1 .. cardinality(ps) - 1 LOOP
       inside := false;
       FOR j IN ps[k] .. ps[k + 1] - 1 LOOP
         FOR i IN ls[j] .. ls[j + 1] - 2 LOOP
           ya := ys[i]; yb := ys[i + 1];
           IF (ya > py) <> (yb > py) THEN
             o := plaza__orient(xs[i], ya, xs[i + 1], yb, px, py);
             IF (CASE WHEN yb > ya THEN o > 0 ELSE o < 0 END) THEN inside := NOT inside; END IF;
           END IF;
         END LOOP;
       END LOOP;
       IF inside THEN RETURN true; END IF;
     END LOOP;
     RETURN false;
   END $$`,
  `CREATE OR REPLACE FUNCTION plaza__on_lines(s plaza__geom, first_line int, last_line int, px float8, py float8)
   RETURNS boolean LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
   DECLARE xs float8[] := s.xs; ys float8[] := s.ys; ls int[] := s.ls; j int; i int;
   BEGIN
     FOR j IN first_line .. last_line LOOP
       FOR i IN ls[j] .. ls[j + 1] - 2 LOOP
         IF plaza__on_segment(px, py, xs[i], ys[i], xs[i + 1], ys[i + 1]) THEN RETURN true; END IF;
       END LOOP;
     END LOOP;
     RETURN false;
   END $$`,
  `CREATE OR REPLACE FUNCTION plaza__covers(s plaza__geom, px float8, py float8) RETURNS boolean
   LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
   BEGIN
     RETURN plaza__on_lines(s, s.npaths + 1, cardinality(s.ls) - 1, px, py) OR plaza__inside_any(s, px, py);
   END $$`,
  `CREATE OR REPLACE FUNCTION plaza__hits(s plaza__geom, px float8, py float8) RETURNS boolean
   LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
   DECLARE i int;
   BEGIN
     FOR i IN 1 .. s.npts LOOP
       IF s.xs[i] = px AND s.ys[i] = py THEN RETURN true; END IF;
     END LOOP;
     RETURN plaza__on_lines(s, 1, cardinality(s.ls) - 1, px, py) OR plaza__inside_any(s, px, py);
   END $$`,
  `CREATE OR REPLACE FUNCTION plaza__part_inside(s plaza__geom, t plaza__geom) RETURNS boolean
   LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
   DECLARE k int; i int;
   BEGIN
     FOR k IN 1 .. s.npaths LOOP
       i := s.ls[k];
       IF plaza__inside_any(t, s.xs[i], s.ys[i]) THEN RETURN true; END IF;
     END LOOP;
     FOR k IN 1 .. cardinality(s.ps) - 1 LOOP
       i := s.ls[s.ps[k]];
       IF plaza__inside_any(t, s.xs[i], s.ys[i]) THEN RETURN true; END IF;
     END LOOP;
     RETURN false;
   END $$`,

  // shapesIntersect.
  `CREATE OR REPLACE FUNCTION plaza__intersects(s plaza__geom, t plaza__geom) RETURNS boolean
   LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
   DECLARE
     sb float8[] := s.bounds; tb float8[] := t.bounds; i int; j int; m int; n int;
     sx float8[] := s.xs; sy float8[] := s.ys; tx float8[] := t.xs; ty float8[] := t.ys;
     xa float8; ya float8; xb float8; yb float8; xc float8; yc float8; xd float8; yd float8;
     d1 float8; d2 float8; d3 float8; d4 float8;
   BEGIN
     IF sb IS NULL OR tb IS NULL THEN RETURN false; END IF;
     IF sb[1] > tb[3] OR tb[1] > sb[3] OR sb[2] > tb[4] OR tb[2] > sb[4] THEN RETURN false; END IF;
     FOR i IN 1 .. s.npts LOOP
       IF plaza__hits(t, sx[i], sy[i]) THEN RETURN true; END IF;
     END LOOP;
     FOR i IN 1 .. t.npts LOOP
       IF plaza__hits(s, tx[i], ty[i]) THEN RETURN true; END IF;
     END LOOP;
     FOR m IN 1 .. cardinality(s.ls) - 1 LOOP
       FOR i IN s.ls[m] .. s.ls[m + 1] - 2 LOOP
         xa := sx[i]; ya := sy[i]; xb := sx[i + 1]; yb := sy[i + 1];
         FOR n IN 1 .. cardinality(t.ls) - 1 LOOP
           FOR j IN t.ls[n] .. t.ls[n + 1] - 2 LOOP
             xc := tx[j]; yc := ty[j]; xd := tx[j + 1]; yd := ty[j + 1];
             d1 := plaza__orient(xc, yc, xd, yd, xa, ya); d2 := plaza__orient(xc, yc, xd, yd, xb, yb);
             d3 := plaza__orient(xa, ya, xb, yb, xc, yc); d4 := plaza__orient(xa, ya, xb, yb, xd, yd);
             IF (plaza__opposite(d1, d2) AND plaza__opposite(d3, d4))
               OR (d1 = 0 AND plaza__between(xa, xc, xd) AND plaza__between(ya, yc, yd))
               OR (d2 = 0 AND plaza__between(xb, xc, xd) AND plaza__between(yb, yc, yd))
               OR (d3 = 0 AND plaza__between(xc, xa, xb) AND plaza__between(yc, ya, yb))
               OR (d4 = 0 AND plaza__between(xd, xa, xb) AND plaza__between(yd, ya, yb)) THEN
               RETURN true;
             END IF;
           END LOOP;
         END LOOP;
       END LOOP;
     END LOOP;
     RETURN plaza__part_inside(s, t) OR plaza__part_inside(t, s);
   END $$`,

  // segmentWithin and shapeWithin.
  `CREATE OR REPLACE FUNCTION plaza__segment_within(xa float8, ya float8, xb float8, yb float8, a plaza__geom)
   RETURNS boolean LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
   DECLARE xs float8[] := a.xs; ys float8[] := a.ys; ls int[] := a.ls; j int; i int; k int;
     sx float8[] := '{}'; sy float8[] := '{}';
   BEGIN
     FOR j IN a.npaths + 1 .. cardinality(ls) - 1 LOOP
       FOR i IN ls[j] .. ls[j + 1] - 2 LOOP
         IF plaza__opposite(plaza__orient(xs[i], ys[i], xs[i + 1], ys[i + 1], xa, ya),
                            plaza__orient(xs[i], ys[i], xs[i + 1], ys[i + 1], xb, yb))
           AND plaza__opposite(plaza__orient(xa, ya, xb, yb, xs[i], ys[i]),
                               plaza__orient(xa, ya, xb, yb, xs[i + 1], ys[i + 1])) THEN
           RETURN false;
         END IF;
       END LOOP;
     END LOOP;
     FOR i IN ls[a.npaths + 1] .. cardinality(xs) LOOP
       IF plaza__on_segment(xs[i], ys[i], xa, ya, xb, yb) THEN
         sx := array_append(sx, xs[i]); sy := array_append(sy, ys[i]);
       END IF;
     END LOOP;
     IF cardinality(sx) = 0 THEN RETURN plaza__covers(a, (xa + xb) / 2::float8, (ya + yb) / 2::float8); END IF;
     SELECT array_agg(x ORDER BY x, y), array_agg(y ORDER BY x, y) INTO sx, sy
       FROM unnest(sx || ARRAY[xa, xb], sy || ARRAY[ya, yb]) AS t(x, y);
     FOR k IN 2 .. cardinality(sx) LOOP
       IF (sx[k - 1] <> sx[k] OR sy[k - 1] <> sy[k])
         AND NOT plaza__covers(a, (sx[k - 1] + sx[k]) / 2::float8, (sy[k - 1] + sy[k]) / 2::float8) THEN
         RETURN false;
       END IF;
     END LOOP;
     RETURN true;
   END $$`,
  `CREATE OR REPLACE FUNCTION plaza__within(s plaza__geom, a plaza__geom) RETURNS boolean
   LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
   DECLARE sb float8[] := s.bounds; ab float8[] := a.bounds; xs float8[] := s.xs; ys float8[] := s.ys;
     nl int := cardinality(s.ls) - 1; j int; i int;
   BEGIN
     IF a.kind NOT IN ('Polygon', 'MultiPolygon') THEN RETURN NULL; END IF;
     IF sb IS NULL OR cardinality(a.ps) < 2 THEN RETURN false; END IF;
     IF sb[1] < ab[1] OR sb[2] < ab[2] OR sb[3] > ab[3] OR sb[4] > ab[4] THEN RETURN false; END IF;
     FOR i IN 1 .. cardinality(xs) LOOP
       IF NOT plaza__covers(a, xs[i], ys[i]) THEN RETURN false; END IF;
     END LOOP;
     FOR j IN 1 .. nl LOOP
       FOR i IN s.ls[j] .. s.ls[j + 1] - 2 LOOP
         IF NOT plaza__segment_within(xs[i], ys[i], xs[i + 1], ys[i + 1], a) THEN RETURN false; END IF;
       END LOOP;
     END LOOP;
     IF cardinality(s.ps) < 2 THEN RETURN true; END IF;
     FOR i IN a.ls[a.npaths + 1] .. cardinality(a.xs) LOOP
       IF NOT plaza__on_lines(s, s.npaths + 1, nl, a.xs[i], a.ys[i]) AND plaza__inside_any(s, a.xs[i], a.ys[i]) THEN
         RETURN false;
       END IF;
     END LOOP;
     RETURN true;
   END $$`,

  // The public predicates: plain SQL, so that the planner inlines them and reads a constant argument once.
  `CREATE OR REPLACE FUNCTION plaza_intersects(a text, b text) RETURNS boolean
   LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT plaza__intersects(plaza__read_safe(a), plaza__read_safe(b)) $$`,
  `CREATE OR REPLACE FUNCTION plaza_within(a text, area text) RETURNS boolean
   LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT plaza__within(plaza__read_safe(a), plaza__read_safe(area)) $$`,

  `CREATE OR REPLACE FUNCTION plaza_distance(lon1 float8, lat1 float8, lon2 float8, lat2 float8) RETURNS float8
   LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
   $$ SELECT 2::float8 * 6371008.8::float8 * asin(${ROOT} - greatest(0::float8, ${ROOT} - 1::float8)) $$`,

  // A double as JavaScript prints it, from PostgreSQL's round-trip digits (extra_float_digits >= 1): the same
  // text for |v| < 2^53; beyond, PostgreSQL may print 17 digits where JavaScript prints 16 (a decimal tie).
  `CREATE OR REPLACE FUNCTION plaza__json_number(v float8) RETURNS text
   LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
   DECLARE m text[]; d text; n int; k int;
   BEGIN
     m := regexp_match(v::text, '^(-?)([0-9]+)(?:\\.([0-9]+))?(?:e([-+][0-9]+))?$');
     IF m IS NULL THEN RAISE EXCEPTION 'plaza: % has no JSON form', v; END IF;
     d := m[2] || coalesce(m[3], '');
     n := length(m[2]) + coalesce(m[4]::int, 0) - (length(d) - length(ltrim(d, '0')));
     d := rtrim(ltrim(d, '0'), '0');
     IF d = '' THEN RETURN '0'; END IF;
     k := length(d);
     RETURN m[1] || CASE
       WHEN k <= n AND n <= 21 THEN d || repeat('0', n - k)
       WHEN 0 < n AND n <= 21 THEN left(d, n) || '.' || substr(d, n + 1)
       WHEN -6 < n AND n <= 0 THEN '0.' || repeat('0', -n) || d
       ELSE left(d, 1) || CASE WHEN k > 1 THEN '.' || substr(d, 2) ELSE '' END
         || 'e' || CASE WHEN n >= 1 THEN '+' ELSE '-' END || abs(n - 1)::text
     END;
   END $$`,
  // The aggregate collects its texts with the built-in array_append, which appends in place (a PL/pgSQL step
  // function would copy the state on every row), then reads them all at the end: convexHull
  // (src/geo/hull.ts) of their vertices, printed as JSON.stringify prints it.
  `CREATE OR REPLACE FUNCTION plaza__hull_final(state text[]) RETURNS text
   LANGUAGE plpgsql IMMUTABLE SET extra_float_digits = 1 AS $$
   DECLARE xs float8[]; ys float8[]; n int; pass int; step int; i int; k int; chain int[]; hull int[] := '{}'; body text;
   BEGIN
     SELECT array_agg(x ORDER BY x, y), array_agg(y ORDER BY x, y) INTO xs, ys
       FROM (SELECT DISTINCT v.x, v.y FROM unnest(state) AS g(doc), plaza__read_safe(g.doc) AS s,
               unnest(s.xs, s.ys) AS v(x, y)) AS d;
     n := coalesce(cardinality(xs), 0);
     IF n = 0 THEN RETURN NULL; END IF;
     IF n = 1 THEN
       RETURN '{"type":"Point","coordinates":[' || plaza__json_number(xs[1]) || ',' || plaza__json_number(ys[1]) || ']}';
     END IF;
     FOR pass IN 1 .. 2 LOOP
       chain := '{}';
       FOR step IN 1 .. n LOOP
         i := CASE WHEN pass = 1 THEN step ELSE n + 1 - step END;
         LOOP
           k := cardinality(chain);
           EXIT WHEN k < 2 OR plaza__orient(xs[chain[k - 1]], ys[chain[k - 1]], xs[chain[k]], ys[chain[k]], xs[i], ys[i]) > 0;
           chain := chain[1:k - 1];
         END LOOP;
         chain := array_append(chain, i);
       END LOOP;
       hull := hull || chain[1:cardinality(chain) - 1];
     END LOOP;
     IF cardinality(hull) > 2 THEN hull := array_append(hull, hull[1]); END IF;
     SELECT string_agg('[' || plaza__json_number(xs[j]) || ',' || plaza__json_number(ys[j]) || ']', ',' ORDER BY o)
       INTO body FROM unnest(hull) WITH ORDINALITY AS u(j, o);
     IF cardinality(hull) = 2 THEN RETURN '{"type":"LineString","coordinates":[' || body || ']}'; END IF;
     RETURN '{"type":"Polygon","coordinates":[[' || body || ']]}';
   END $$`,
  `CREATE OR REPLACE AGGREGATE plaza_hull(text) (
     SFUNC = array_append, STYPE = text[], FINALFUNC = plaza__hull_final, INITCOND = '{}')`,
];

const dropStatements = [
  'DROP AGGREGATE IF EXISTS plaza_hull(text)',
  `DROP FUNCTION IF EXISTS plaza_distance(float8, float8, float8, float8), plaza_within(text, text),
     plaza_intersects(text, text), plaza__hull_final(text[]), plaza__json_number(float8),
     plaza__on_segment(float8, float8, float8, float8, float8, float8),
     plaza__orient(float8, float8, float8, float8, float8, float8), plaza__between(float8, float8, float8),
     plaza__opposite(float8, float8), plaza__positions(jsonb, int), plaza__number(jsonb),
     plaza__coordinate(float8), plaza__position(jsonb)`,
  // Every other helper takes or returns plaza__geom.
  'DROP TYPE IF EXISTS plaza__geom CASCADE',
];

/** PostgreSQL's compiler numbers parameters ($1); SQLite's does not (?). */
const isPostgres = (db: Kysely<unknown>) => sql`select ${1}`.compile(db).sql.includes('$1');

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const statement of dropStatements) await sql.raw(statement).execute(db);
}
