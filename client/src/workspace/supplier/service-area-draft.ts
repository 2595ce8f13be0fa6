import type { ServiceAreaInput, ServiceAreaKind } from '../../graphql/generated/graphql';
import { parseInteger } from './form-errors';

/** A service area as a form holds it: codes and radius as typed. '' kind: none of its own (an offering uses its structure's). */
export interface ServiceAreaDraft {
  areaKind: ServiceAreaKind | '';
  regionCodes: string;
  departementCodes: string;
  radiusKm: string;
}

export const AREA_FIELDS = ['areaKind', 'regionCodes', 'departementCodes', 'radiusKm'] as const;

export const AREA_KIND_LABELS: Record<ServiceAreaKind, string> = {
  NATIONAL: 'Toute la France',
  REGIONS: 'Des régions',
  DEPARTEMENTS: 'Des départements',
  RADIUS: 'Un rayon autour de notre site',
};

export function serviceAreaDraftOf(
  area: { kind: ServiceAreaKind; radiusKm: number | null; regions: readonly { code: string }[]; departements: readonly { code: string }[] } | null,
): ServiceAreaDraft {
  return {
    areaKind: area?.kind ?? '',
    regionCodes: area?.regions.map((region) => region.code).join(', ') ?? '',
    departementCodes: area?.departements.map((departement) => departement.code).join(', ') ?? '',
    radiusKm: area?.radiusKm == null ? '' : String(area.radiusKm),
  };
}

/** Codes typed with commas, spaces or semicolons. */
export function splitCodes(typed: string): string[] {
  return typed.split(/[\s,;]+/).map((code) => code.trim().toUpperCase()).filter(Boolean);
}

/** The area to send (null: none of its own), or a local problem at "serviceArea.radiusKm". */
export function serviceAreaInputOf(draft: ServiceAreaDraft): { area: ServiceAreaInput | null; problems: Record<string, string> } {
  if (draft.areaKind === '') return { area: null, problems: {} };
  const radiusKm = draft.areaKind === 'RADIUS' ? parseInteger(draft.radiusKm) : null;
  if (Number.isNaN(radiusKm)) return { area: null, problems: { 'serviceArea.radiusKm': 'Indiquez un nombre entier de kilomètres (exemple : 50).' } };
  return {
    area: {
      kind: draft.areaKind,
      regionCodes: draft.areaKind === 'REGIONS' ? splitCodes(draft.regionCodes) : null,
      departementCodes: draft.areaKind === 'DEPARTEMENTS' ? splitCodes(draft.departementCodes) : null,
      radiusKm,
    },
    problems: {},
  };
}
