import type { ServiceAreaKind } from '../graphql/generated/graphql';

/** What the page needs of a service area ("périmètre d'intervention"). */
export interface ServiceAreaLike {
  kind: ServiceAreaKind;
  radiusKm?: number | null;
  regions: readonly { name: string }[];
  departements: readonly { name: string; code?: string }[];
}

const names = (items: readonly { name: string }[]) => items.map((item) => item.name).join(', ');

/**
 * A service area in words, as a buyer reads it:
 * "Intervient dans : Moselle, Meurthe-et-Moselle",
 * "Intervient dans un rayon de 30 km autour de son site",
 * "Intervient dans toute la France".
 */
export function serviceAreaText(area: ServiceAreaLike): string {
  switch (area.kind) {
    case 'NATIONAL':
      return 'Intervient dans toute la France';
    case 'RADIUS':
      return area.radiusKm != null && area.radiusKm > 0
        ? `Intervient dans un rayon de ${area.radiusKm.toLocaleString('fr-FR')} km autour de son site`
        : 'Intervient autour de son site';
    case 'DEPARTEMENTS':
      return area.departements.length ? `Intervient dans : ${names(area.departements)}` : 'Périmètre d’intervention non renseigné';
    case 'REGIONS':
      if (!area.regions.length) return 'Périmètre d’intervention non renseigné';
      return area.regions.length === 1
        ? `Intervient dans la région : ${names(area.regions)}`
        : `Intervient dans les régions : ${names(area.regions)}`;
  }
}
