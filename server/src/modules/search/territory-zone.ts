import type { Capabilities } from '../../app/capabilities.js';
import { badUserInput, featureUnavailable } from '../../core/graphql/errors.js';
import type { CommuneEntity, DepartementEntity, RegionEntity } from '../territories/territory.entities.js';
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
    throw badUserInput('Un territoire se donne par un seul code : communeCode, departementCode ou regionCode.', 'territory');
  }
}

function checkedRadius(filter: TerritoryFilter, capabilities: Capabilities): number | null {
  const radius = filter.radiusKm ?? null;
  if (radius === null) return null;
  if (filter.communeCode == null) throw badUserInput('Un rayon (radiusKm) se donne autour d\'une commune (communeCode) seulement.', 'territory.radiusKm');
  if (!Number.isFinite(radius) || radius < 0 || radius > MAX_SEARCH_RADIUS_KM) {
    throw badUserInput(`Rayon invalide (${radius}) : de 0 à ${MAX_SEARCH_RADIUS_KM} km.`, 'territory.radiusKm');
  }
  if (!capabilities.radiusSearchAvailable) throw radiusUnavailable();
  // Rounded to 0.1 km, for both engines: finer means nothing around a commune centre, and a
  // denormal radius (5e-324) would underflow in SQL's arithmetic.
  return Math.round(radius * 10) / 10;
}

export function radiusUnavailable() {
  return featureUnavailable('Radius search and distances are unavailable: commune centres are not loaded on this server.');
}

/** Where territory codes are looked up: the database (offering searches) or the directory index's reference data (supplier searches). */
export interface TerritoryLookup {
  commune(code: string): Promise<CommuneEntity | null> | CommuneEntity | null;
  departement(code: string): Promise<DepartementEntity | null> | DepartementEntity | null;
  region(code: string): Promise<RegionEntity | null> | RegionEntity | null;
  departementsOfRegion(code: string): Promise<DepartementEntity[]> | DepartementEntity[];
  /** Départements whose bounding box comes within `radiusKm` of the point. */
  departementsWithin(centre: GeoPoint, radiusKm: number): Promise<{ code: string; regionCode: string }[]> | { code: string; regionCode: string }[];
}

export async function resolveTerritoryZone(filter: TerritoryFilter, lookup: TerritoryLookup, capabilities: Capabilities): Promise<TerritoryZone> {
  exactlyOneCode(filter);
  const radiusKm = checkedRadius(filter, capabilities);
  const scope = filter.scope ?? TerritoryScope.SERVES;

  if (filter.communeCode != null) {
    const commune = await lookup.commune(filter.communeCode);
    if (!commune) throw badUserInput(`Commune introuvable : aucun code INSEE « ${filter.communeCode} ».`, 'territory.communeCode');
    const centre = commune.latitude !== null && commune.longitude !== null
      ? { latitude: commune.latitude, longitude: commune.longitude }
      : null;
    if (radiusKm !== null && radiusKm > 0 && centre) {
      const touched = await lookup.departementsWithin(centre, radiusKm);
      const departementCodes = new Set([commune.departementCode, ...touched.map((row) => row.code)]);
      const regionCodes = new Set([commune.regionCode, ...touched.map((row) => row.regionCode)]);
      return { scope, level: 'COMMUNE', code: commune.code, centre, radiusKm, departementCodes: [...departementCodes], regionCodes: [...regionCodes], box: null };
    }
    return {
      scope, level: 'COMMUNE', code: commune.code, centre, radiusKm,
      departementCodes: [commune.departementCode], regionCodes: [commune.regionCode], box: null,
    };
  }

  if (filter.departementCode != null) {
    const departement = await lookup.departement(filter.departementCode);
    if (!departement) throw badUserInput(`Département introuvable : aucun code « ${filter.departementCode} ».`, 'territory.departementCode');
    return {
      scope, level: 'DEPARTEMENT', code: departement.code, centre: null, radiusKm: null,
      departementCodes: [departement.code], regionCodes: [departement.regionCode], box: boxOf(departement),
    };
  }

  const region = await lookup.region(filter.regionCode!);
  if (!region) throw badUserInput(`Région introuvable : aucun code « ${filter.regionCode} ».`, 'territory.regionCode');
  const departements = await lookup.departementsOfRegion(region.code);
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
