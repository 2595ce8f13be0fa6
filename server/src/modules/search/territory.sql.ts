import type { SqlParameters } from '../../core/database/sql-builder.js';
import type { GeoPoint, TerritoryZone } from './territory-zone.js';

/** SQL conditions of territory matching; the supplier is `s` (see README). */

const KM_PER_DEGREE_OF_LATITUDE = 111.2;

/** Distance in km from a point to the supplier's site; NULL without a position. */
export function distanceKmSql(params: SqlParameters, origin: GeoPoint | null): string {
  if (!origin) return 'NULL::float8';
  return `distance_km(${params.add(origin.latitude)}::float8, ${params.add(origin.longitude)}::float8, s.latitude, s.longitude)`;
}

/** A box that holds the circle, for the GiST index on positions. */
function boxAround(params: SqlParameters, centre: GeoPoint, radiusKm: number): string {
  const latitudeDelta = radiusKm / KM_PER_DEGREE_OF_LATITUDE;
  const longitudeDelta = radiusKm / (KM_PER_DEGREE_OF_LATITUDE * Math.max(0.01, Math.cos((centre.latitude * Math.PI) / 180)));
  const corner = (latitude: number, longitude: number) => `point(${params.add(longitude)}::float8, ${params.add(latitude)}::float8)`;
  return `box(${corner(centre.latitude - latitudeDelta, centre.longitude - longitudeDelta)}, ${corner(
    centre.latitude + latitudeDelta,
    centre.longitude + longitudeDelta,
  )})`;
}

/** The supplier's site is in the zone. */
export function locatedSql(zone: TerritoryZone, params: SqlParameters): string {
  if (zone.level === 'DEPARTEMENT') return `s.departement_code = ${params.add(zone.code)}`;
  if (zone.level === 'REGION') return `s.region_code = ${params.add(zone.code)}`;
  const code = params.add(zone.code);
  const inCommune = `(s.municipality_code = ${code} OR s.commune_code = ${code})`;
  if (!zone.radiusKm || !zone.centre) return inCommune;
  // The box uses the GiST index; the distance trims its corners.
  return `(${inCommune} OR (point(s.longitude, s.latitude) <@ ${boxAround(params, zone.centre, zone.radiusKm)}
    AND ${distanceKmSql(params, zone.centre)} <= ${params.add(zone.radiusKm)}::float8))`;
}

/**
 * A service area other than national reaches the zone. `area` is the alias of the row
 * holding the service_area_* columns (the supplier, or an offering that overrides it);
 * the radius is always drawn around the supplier's site.
 */
export function coversSql(zone: TerritoryZone, params: SqlParameters, area = 's'): string {
  const alternatives = [
    `(${area}.service_area_kind = 'REGIONS' AND ${area}.service_area_region_codes && ${params.add(zone.regionCodes)}::text[])`,
    `(${area}.service_area_kind = 'DEPARTEMENTS' AND ${area}.service_area_departement_codes && ${params.add(zone.departementCodes)}::text[])`,
  ];
  const reach = `${area}.service_area_radius_km`;
  if (zone.centre) {
    alternatives.push(`(${area}.service_area_kind = 'RADIUS'
      AND ${distanceKmSql(params, zone.centre)} <= ${reach} + ${params.add(zone.radiusKm ?? 0)}::float8)`);
  } else if (zone.box) {
    // Distance to the nearest point of the territory's box.
    const [minLat, minLon, maxLat, maxLon] = zone.box.map((value) => `${params.add(value)}::float8`);
    alternatives.push(`(${area}.service_area_kind = 'RADIUS'
      AND distance_km(s.latitude, s.longitude, greatest(${minLat}, least(${maxLat}, s.latitude)),
                      greatest(${minLon}, least(${maxLon}, s.longitude))) <= ${reach})`);
  }
  return `(${alternatives.join(' OR ')})`;
}
