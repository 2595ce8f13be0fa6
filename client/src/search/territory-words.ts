import type { TerritoryMatch } from '../graphql/generated/graphql';
import { formatDistance } from '../labels';
import type { TerritoryLevel } from './search-state';

/**
 * Places in a French sentence: "à Metz", "au Havre", "en Moselle", "dans le Nord",
 * "dans les Vosges", "à La Réunion". French has no rule that gives the preposition of a
 * département from its name, so the ones that do not take "en" are listed by code.
 */

/** Départements said "dans le …", "dans la …", "dans l’…", "dans les …", "à …" (the others take "en"). */
const DEPARTEMENT_PREPOSITIONS: Record<string, string> = {
  '01': 'dans l’', '02': 'dans l’', '03': 'dans l’', '04': 'dans les ', '05': 'dans les ', '06': 'dans les ',
  '08': 'dans les ', '10': 'dans l’', '11': 'dans l’', '13': 'dans les ', '14': 'dans le ', '15': 'dans le ',
  '18': 'dans le ', '22': 'dans les ', '23': 'dans la ', '25': 'dans le ', '26': 'dans la ', '27': 'dans l’',
  '29': 'dans le ', '30': 'dans le ', '32': 'dans le ', '34': 'dans l’', '36': 'dans l’', '39': 'dans le ',
  '40': 'dans les ', '42': 'dans la ', '45': 'dans le ', '46': 'dans le ', '50': 'dans la ', '51': 'dans la ',
  '55': 'dans la ', '56': 'dans le ', '58': 'dans la ', '59': 'dans le ', '60': 'dans l’', '61': 'dans l’',
  '62': 'dans le ', '63': 'dans le ', '64': 'dans les ', '65': 'dans les ', '66': 'dans les ', '67': 'dans le ',
  '68': 'dans le ', '69': 'dans le ', '72': 'dans la ', '75': 'à ', '78': 'dans les ', '79': 'dans les ',
  '80': 'dans la ', '81': 'dans le ', '82': 'dans le ', '83': 'dans le ', '84': 'dans le ', '86': 'dans la ',
  '88': 'dans les ', '89': 'dans l’', '90': 'dans le ', '91': 'dans l’', '92': 'dans les ', '94': 'dans le ',
  '95': 'dans le ', '974': 'à ', '976': 'à ',
};

/** Régions said otherwise than "en …" (by code). */
const REGION_PREPOSITIONS: Record<string, string> = {
  '04': 'à ', // La Réunion
  '06': 'à ', // Mayotte
  '32': 'dans les ', // Hauts-de-France
  '44': 'dans le ', // Grand Est
  '52': 'dans les ', // Pays de la Loire
};

/** "au Havre", "aux Mureaux", "à La Rochelle", "à Metz". */
function inCommune(name: string): string {
  if (/^Le /.test(name)) return `au ${name.slice(3)}`;
  if (/^Les /.test(name)) return `aux ${name.slice(4)}`;
  return `à ${name}`;
}

/** Names as the data has them ("La Réunion"): the article is the preposition's, not the name's. */
function withoutArticle(name: string, preposition: string): string {
  if (preposition === 'à ') return name;
  return name.replace(/^(Le |La |Les |L’|L')/, '');
}

export interface NamedTerritory {
  level: TerritoryLevel;
  code: string;
  /** Its name alone: "Metz", "Moselle", "Grand Est". */
  name: string;
}

/** "à Metz", "en Moselle", "dans le Nord", "dans le Grand Est". */
export function inTerritory(territory: NamedTerritory): string {
  if (territory.level === 'commune') return inCommune(territory.name);
  const preposition = (territory.level === 'departement' ? DEPARTEMENT_PREPOSITIONS : REGION_PREPOSITIONS)[territory.code] ?? 'en ';
  return `${preposition}${withoutArticle(territory.name, preposition)}`;
}

/** What a result card says of where a supplier is and why it is in a search around a place. */
export interface PlaceWords {
  /** "Située à Metz (57)", "Intervient en Moselle", "Intervient dans toute la France". */
  match: string;
  /** Where its site is, when `match` does not say it: "site à Nancy (54)". */
  site: string | null;
  /** "à 12,3 km" from the search's commune. */
  distance: string | null;
}

/**
 * The territory match of a result in words. Without a place searched, only the site.
 * `territory` is null while its name loads: the sentence then stays general.
 */
export function placeWords(
  result: { territoryMatch?: TerritoryMatch | null; distanceKm?: number | null; commune: { name: string; departement: { code: string } } },
  territory: NamedTerritory | null,
  radiusKm: number | null,
): PlaceWords {
  const site = `${result.commune.name} (${result.commune.departement.code})`;
  const distance = result.distanceKm != null ? `à ${formatDistance(result.distanceKm)}` : null;
  switch (result.territoryMatch) {
    case 'LOCATED_IN':
      return { match: `Située ${inCommune(result.commune.name)} (${result.commune.departement.code})`, site: null, distance };
    case 'SERVES': {
      let where = 'sur ce territoire';
      if (territory && territory.level === 'commune' && radiusKm) {
        where = `dans la zone recherchée (${radiusKm.toLocaleString('fr-FR')} km autour de ${territory.name})`;
      } else if (territory) {
        where = inTerritory(territory);
      }
      return { match: `Intervient ${where}`, site: `site ${inCommune(result.commune.name)} (${result.commune.departement.code})`, distance };
    }
    case 'SERVES_NATIONALLY':
      return { match: 'Intervient dans toute la France', site: `site ${inCommune(result.commune.name)} (${result.commune.departement.code})`, distance };
    default:
      return { match: site, site: null, distance };
  }
}
