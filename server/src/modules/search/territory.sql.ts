import type { SqlParameters } from '../../core/database/sql-builder.js';
import type { BoundingBox, GeoPoint, TerritoryZone } from './territory-zone.js';

/** SQL conditions of territory matching; the supplier is `s` (see README). */

const KM_PER_DEGREE_OF_LATITUDE = 111.2;
/**
 * Boxes only preselect candidates on the GiST index for the exact distance test, so they
 * must hold every point within the distance: a tenth wider than the flat estimate covers
 * the sphere's curvature (and the directory index, which tests the distance alone, agrees).
 */
const BOX_MARGIN_FACTOR = 1.1;

/** Distance in km from a point to the supplier's site; NULL without a position. */
export function distanceKmSql(params: SqlParameters, origin: GeoPoint | null): string {
  if (!origin) return 'NULL::float8';
  return `distance_km(${params.add(origin.latitude)}::float8, ${params.add(origin.longitude)}::float8, s.latitude, s.longitude)`;
}

/**
 * A box holding every point within `marginKm` (an SQL expression) of the box
 * [minLatitude, minLongitude, maxLatitude, maxLongitude], for the GiST index on positions.
 */
function boxSql(params: SqlParameters, box: BoundingBox, marginKm: string): string {
  const [minLat, minLon, maxLat, maxLon] = box.map((value) => `${params.add(value)}::float8`);
  const latitudeMargin = `((${marginKm}) * ${BOX_MARGIN_FACTOR} / ${KM_PER_DEGREE_OF_LATITUDE})`;
  // Longitude degrees shrink away from the equator: use the widest latitude of the box.
  const longitudeMargin = `((${marginKm}) * ${BOX_MARGIN_FACTOR} / (${KM_PER_DEGREE_OF_LATITUDE} * greatest(0.01, cos(radians(greatest(abs(${minLat}), abs(${maxLat})))))))`;
  return `box(point(${minLon} - ${longitudeMargin}, ${minLat} - ${latitudeMargin}), point(${maxLon} + ${longitudeMargin}, ${maxLat} + ${latitudeMargin}))`;
}

const pointBox = (centre: GeoPoint): BoundingBox => [centre.latitude, centre.longitude, centre.latitude, centre.longitude];

/** Largest radius of any service area, computed once per statement (an InitPlan). */
const MAX_SERVICE_RADIUS_KM = '(SELECT coalesce(max(service_area_radius_km), 0) FROM supplier_search)';

/** The supplier's site is in the zone. */
export function locatedSql(zone: TerritoryZone, params: SqlParameters): string {
  if (zone.level === 'DEPARTEMENT') return `s.departement_code = ${params.add(zone.code)}`;
  if (zone.level === 'REGION') return `s.region_code = ${params.add(zone.code)}`;
  const code = params.add(zone.code);
  const inCommune = `(s.municipality_code = ${code} OR s.commune_code = ${code})`;
  if (!zone.radiusKm || !zone.centre) return inCommune;
  // The box uses the GiST index; the distance trims its corners.
  return `(${inCommune} OR (point(s.longitude, s.latitude) <@ ${boxSql(params, pointBox(zone.centre), params.add(zone.radiusKm))}
    AND ${distanceKmSql(params, zone.centre)} <= ${params.add(zone.radiusKm)}::float8))`;
}

/**
 * A service area other than national reaches the zone. `area` is the alias of the row
 * holding the service_area_* columns (the supplier, or an offering that overrides it);
 * the radius is always drawn around the supplier's site. For the supplier, every branch
 * can use an index (GIN on the code lists, GiST on positions within the largest radius),
 * so PostgreSQL reads only the candidates (a BitmapOr) instead of the whole table; the
 * code lists are empty unless the area is of their kind (table constraints).
 */
export function coversSql(zone: TerritoryZone, params: SqlParameters, area = 's'): string {
  const alternatives = [
    `${area}.service_area_region_codes && ${params.add(zone.regionCodes)}::text[]`,
    `${area}.service_area_departement_codes && ${params.add(zone.departementCodes)}::text[]`,
  ];
  const reach = `${area}.service_area_radius_km`;
  const box = zone.centre ? pointBox(zone.centre) : zone.box;
  if (!box) return `(${alternatives.join(' OR ')})`;
  const extra = zone.centre ? params.add(zone.radiusKm ?? 0) : '0';
  const candidates =
    area === 's' ? `AND point(s.longitude, s.latitude) <@ ${boxSql(params, box, `${MAX_SERVICE_RADIUS_KM} + ${extra}`)}` : '';
  const distance = zone.centre
    ? distanceKmSql(params, zone.centre)
    : (() => {
        // Distance to the nearest point of the territory's box.
        const [minLat, minLon, maxLat, maxLon] = box.map((value) => `${params.add(value)}::float8`);
        return `distance_km(s.latitude, s.longitude, greatest(${minLat}, least(${maxLat}, s.latitude)),
                      greatest(${minLon}, least(${maxLon}, s.longitude)))`;
      })();
  alternatives.push(`(${area}.service_area_kind = 'RADIUS' ${candidates}
      AND ${distance} <= ${reach} + ${extra}::float8)`);
  return `(${alternatives.join(' OR ')})`;
}
