import type { Capabilities } from '../../app/capabilities.js';
import type { RequestContext } from '../../app/context.js';
import { badUserInput, featureUnavailable } from '../../core/graphql/errors.js';
import { TerritoryScope, type TerritoryFilter } from './search.inputs.js';

export const MAX_SEARCH_RADIUS_KM = 500;

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** [minLatitude, minLongitude, maxLatitude, maxLongitude] */
export type BoundingBox = [number, number, number, number];

/** A territory filter resolved against the territory tables, ready for SQL. */
export interface TerritoryZone {
  scope: TerritoryScope;
  level: 'COMMUNE' | 'DEPARTEMENT' | 'REGION';
  code: string;
  /** Commune centre: the distance origin, and the centre of the radius. */
  centre: GeoPoint | null;
  radiusKm: number | null;
  /** Départements and régions the zone touches: service areas listing any of them cover it. */
  departementCodes: string[];
  regionCodes: string[];
  /** Box of a département or région, for service areas drawn as a radius around a site. */
  box: BoundingBox | null;
}

function exactlyOneCode(filter: TerritoryFilter): void {
  const given = [filter.communeCode, filter.departementCode, filter.regionCode].filter((code) => code != null);
  if (given.length !== 1) {
    throw badUserInput('A territory needs exactly one of communeCode, departementCode, regionCode', 'territory');
  }
}

function checkedRadius(filter: TerritoryFilter, capabilities: Capabilities): number | null {
  const radius = filter.radiusKm ?? null;
  if (radius === null) return null;
  if (filter.communeCode == null) throw badUserInput('radiusKm is only allowed with communeCode', 'territory.radiusKm');
  if (!Number.isFinite(radius) || radius < 0 || radius > MAX_SEARCH_RADIUS_KM) {
    throw badUserInput(`radiusKm must be between 0 and ${MAX_SEARCH_RADIUS_KM}, got ${radius}`, 'territory.radiusKm');
  }
  if (!capabilities.radiusSearchAvailable) throw radiusUnavailable();
  // Rounded to 0.1 km, for both engines: finer means nothing around a commune centre, and a
  // denormal radius (5e-324) would underflow in SQL's arithmetic.
  return Math.round(radius * 10) / 10;
}

export function radiusUnavailable() {
  return featureUnavailable('Radius search and distances are unavailable: commune centres are not loaded on this server.');
}

export async function resolveTerritoryZone(filter: TerritoryFilter, ctx: RequestContext): Promise<TerritoryZone> {
  exactlyOneCode(filter);
  const radiusKm = checkedRadius(filter, ctx.capabilities);
  const scope = filter.scope ?? TerritoryScope.SERVES;
  const { territories } = ctx.loaders;

  if (filter.communeCode != null) {
    const commune = await territories.communeByCode.load(filter.communeCode);
    if (!commune) throw badUserInput(`Unknown commune INSEE code "${filter.communeCode}"`, 'territory.communeCode');
    const centre = commune.latitude !== null && commune.longitude !== null
      ? { latitude: commune.latitude, longitude: commune.longitude }
      : null;
    if (radiusKm !== null && radiusKm > 0 && centre) {
      const touched = await ctx.db.query<{ code: string; region_code: string }[]>(
        `SELECT code, region_code FROM departement
         WHERE min_latitude IS NOT NULL
           AND distance_km($1, $2, greatest(min_latitude, least(max_latitude, $1)),
                           greatest(min_longitude, least(max_longitude, $2))) <= $3`,
        [centre.latitude, centre.longitude, radiusKm],
      );
      const departementCodes = new Set([commune.departementCode, ...touched.map((row) => row.code)]);
      const regionCodes = new Set([commune.regionCode, ...touched.map((row) => row.region_code)]);
      return { scope, level: 'COMMUNE', code: commune.code, centre, radiusKm, departementCodes: [...departementCodes], regionCodes: [...regionCodes], box: null };
    }
    return {
      scope, level: 'COMMUNE', code: commune.code, centre, radiusKm,
      departementCodes: [commune.departementCode], regionCodes: [commune.regionCode], box: null,
    };
  }

  if (filter.departementCode != null) {
    const departement = await territories.departementByCode.load(filter.departementCode);
    if (!departement) throw badUserInput(`Unknown département code "${filter.departementCode}"`, 'territory.departementCode');
    return {
      scope, level: 'DEPARTEMENT', code: departement.code, centre: null, radiusKm: null,
      departementCodes: [departement.code], regionCodes: [departement.regionCode], box: boxOf(departement),
    };
  }

  const region = await territories.regionByCode.load(filter.regionCode!);
  if (!region) throw badUserInput(`Unknown région code "${filter.regionCode}"`, 'territory.regionCode');
  const departements = await territories.departementsByRegionCode.load(region.code);
  return {
    scope, level: 'REGION', code: region.code, centre: null, radiusKm: null,
    departementCodes: departements.map((departement) => departement.code), regionCodes: [region.code], box: boxOf(region),
  };
}

function boxOf(territory: { minLatitude: number | null; minLongitude: number | null; maxLatitude: number | null; maxLongitude: number | null }): BoundingBox | null {
  const { minLatitude, minLongitude, maxLatitude, maxLongitude } = territory;
  if (minLatitude === null || minLongitude === null || maxLatitude === null || maxLongitude === null) return null;
  return [minLatitude, minLongitude, maxLatitude, maxLongitude];
}
