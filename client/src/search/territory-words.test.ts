import { describe, expect, it } from 'vitest';
import { inTerritory, placeWords } from './territory-words';

const metzSite = { name: 'Metz', departement: { code: '57' } };

describe('inTerritory', () => {
  it.each([
    [{ level: 'commune', code: '57463', name: 'Metz' }, 'à Metz'],
    [{ level: 'commune', code: '76351', name: 'Le Havre' }, 'au Havre'],
    [{ level: 'commune', code: '78440', name: 'Les Mureaux' }, 'aux Mureaux'],
    [{ level: 'commune', code: '17300', name: 'La Rochelle' }, 'à La Rochelle'],
    [{ level: 'departement', code: '57', name: 'Moselle' }, 'en Moselle'],
    [{ level: 'departement', code: '59', name: 'Nord' }, 'dans le Nord'],
    [{ level: 'departement', code: '88', name: 'Vosges' }, 'dans les Vosges'],
    [{ level: 'departement', code: '01', name: 'Ain' }, 'dans l’Ain'],
    [{ level: 'departement', code: '974', name: 'La Réunion' }, 'à La Réunion'],
    [{ level: 'departement', code: '75', name: 'Paris' }, 'à Paris'],
    [{ level: 'region', code: '44', name: 'Grand Est' }, 'dans le Grand Est'],
    [{ level: 'region', code: '11', name: 'Île-de-France' }, 'en Île-de-France'],
    [{ level: 'region', code: '32', name: 'Hauts-de-France' }, 'dans les Hauts-de-France'],
  ] as const)('%o → %s', (territory, words) => {
    expect(inTerritory(territory)).toBe(words);
  });
});

describe('placeWords', () => {
  const moselle = { level: 'departement' as const, code: '57', name: 'Moselle' };

  it('says where a supplier located in the place is, and how far', () => {
    expect(placeWords({ territoryMatch: 'LOCATED_IN', distanceKm: 1.34, commune: metzSite }, moselle, null)).toEqual({
      match: 'Située à Metz (57)', site: null, distance: 'à 1,3 km',
    });
  });

  it('says it serves the place, and where its site is', () => {
    const nancy = { name: 'Nancy', departement: { code: '54' } };
    expect(placeWords({ territoryMatch: 'SERVES', distanceKm: null, commune: nancy }, moselle, null)).toEqual({
      match: 'Intervient en Moselle', site: 'site à Nancy (54)', distance: null,
    });
    expect(placeWords({ territoryMatch: 'SERVES', commune: nancy }, { level: 'commune', code: '57463', name: 'Metz' }, 30).match).toBe(
      'Intervient dans la zone recherchée (30 km autour de Metz)',
    );
    // The place's name still loading: a general sentence, never a wrong one.
    expect(placeWords({ territoryMatch: 'SERVES', commune: nancy }, null, null).match).toBe('Intervient sur ce territoire');
  });

  it('says it serves all of France', () => {
    const site = { name: 'Saint-Denis', departement: { code: '974' } };
    expect(placeWords({ territoryMatch: 'SERVES_NATIONALLY', distanceKm: 412, commune: site }, moselle, null)).toEqual({
      match: 'Intervient dans toute la France', site: 'site à Saint-Denis (974)', distance: 'à 412 km',
    });
  });

  it('gives the site alone without a place searched', () => {
    expect(placeWords({ territoryMatch: null, commune: metzSite }, null, null)).toEqual({ match: 'Metz (57)', site: null, distance: null });
  });
});
