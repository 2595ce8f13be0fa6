import { describe, expect, it } from 'vitest';
import {
  arrondissementCodesOf,
  canonicalCode,
  cityOfArrondissement,
  expandAbbreviations,
  isCommuneCode,
  isDepartementCode,
  isRegionCode,
  municipalityCodeOf,
  normalizeSearchText,
  planTerritorySearch,
  postalCodesStartingWith,
} from './territory-matching.js';

describe('normalizeSearchText', () => {
  it('lowercases, strips accents and turns punctuation into single spaces', () => {
    expect(normalizeSearchText('Saint-Étienne')).toBe('saint etienne');
    expect(normalizeSearchText('  SAINT   ÉTIENNE ')).toBe('saint etienne');
    expect(normalizeSearchText("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(normalizeSearchText('Île-de-France')).toBe('ile de france');
    expect(normalizeSearchText('Côte-d’Or')).toBe('cote d or');
    expect(normalizeSearchText('Œuilly')).toBe('oeuilly');
    expect(normalizeSearchText('Paris 8e Arrondissement')).toBe('paris 8e arrondissement');
    expect(normalizeSearchText('--!!--')).toBe('');
  });
});

describe('expandAbbreviations', () => {
  it('expands st / ste as whole words only', () => {
    expect(expandAbbreviations('st etienne')).toBe('saint etienne');
    expect(expandAbbreviations('ste maxime')).toBe('sainte maxime');
    expect(expandAbbreviations('stenay')).toBe('stenay');
  });
});

describe('planTerritorySearch', () => {
  const empty = { name: null, departementCodes: [], inseeCode: null, postalCode: null, postalCodePrefix: null };

  it('reads 5 digits as a postal code or an INSEE code', () => {
    expect(planTerritorySearch(' 57000 ')).toEqual({ ...empty, inseeCode: '57000', postalCode: '57000' });
    expect(planTerritorySearch('97411')).toEqual({ ...empty, inseeCode: '97411', postalCode: '97411' });
  });

  it('reads Corsican INSEE codes, in any case', () => {
    expect(planTerritorySearch('2A004')).toEqual({ ...empty, inseeCode: '2A004' });
    expect(planTerritorySearch('2b033')).toEqual({ ...empty, inseeCode: '2B033' });
  });

  it('reads département codes', () => {
    expect(planTerritorySearch('57')).toEqual({ ...empty, departementCodes: ['57'] });
    expect(planTerritorySearch('2a')).toEqual({ ...empty, departementCodes: ['2A'] });
    expect(planTerritorySearch('20')).toEqual({ ...empty, departementCodes: ['2A', '2B'] });
    expect(planTerritorySearch('971')).toEqual({ ...empty, departementCodes: ['971'], postalCodePrefix: '971' });
  });

  it('reads 3 or 4 digits as the beginning of a postal code', () => {
    expect(planTerritorySearch('570')).toEqual({ ...empty, postalCodePrefix: '570' });
    expect(planTerritorySearch('5700')).toEqual({ ...empty, postalCodePrefix: '5700' });
  });

  it('reads anything else as a name', () => {
    expect(planTerritorySearch('Saint-Étienne')?.name).toBe('saint etienne');
    expect(planTerritorySearch('st etienne')?.name).toBe('saint etienne');
    expect(planTerritorySearch('Paris 8')?.name).toBe('paris 8');
    expect(planTerritorySearch('570001')?.name).toBe('570001');
  });

  it('gives nothing for an empty search', () => {
    expect(planTerritorySearch('')).toBeNull();
    expect(planTerritorySearch(' - ')).toBeNull();
  });
});

describe('postalCodesStartingWith', () => {
  it('lists every postal code with the prefix', () => {
    const codes = postalCodesStartingWith('570');
    expect(codes).toHaveLength(100);
    expect(codes[0]).toBe('57000');
    expect(codes[99]).toBe('57099');
    expect(postalCodesStartingWith('5707')).toEqual(['57070', '57071', '57072', '57073', '57074', '57075', '57076', '57077', '57078', '57079']);
    expect(postalCodesStartingWith('57')).toEqual([]);
  });
});

describe('codes', () => {
  it('validates région, département and commune codes', () => {
    expect(['44', '04', '975'].every(isRegionCode)).toBe(true);
    expect(['4', 'AB', '1234'].some(isRegionCode)).toBe(false);
    expect(['57', '2A', '2B', '971', '988'].every(isDepartementCode)).toBe(true);
    expect(['5', '2C', '570', 'abc!'].some(isDepartementCode)).toBe(false);
    expect(['57463', '2A004', '97411', '75108'].every(isCommuneCode)).toBe(true);
    expect(['5746', '2C004', '574630', 'abc!'].some(isCommuneCode)).toBe(false);
    expect(canonicalCode(' 2a004 ')).toBe('2A004');
  });
});

describe('municipal arrondissements', () => {
  it('lists the arrondissements of Paris, Lyon and Marseille', () => {
    expect(arrondissementCodesOf('75056')).toHaveLength(20);
    expect(arrondissementCodesOf('75056')[7]).toBe('75108');
    expect(arrondissementCodesOf('69123')).toEqual(['69381', '69382', '69383', '69384', '69385', '69386', '69387', '69388', '69389']);
    expect(arrondissementCodesOf('13055')).toHaveLength(16);
    expect(arrondissementCodesOf('57463')).toEqual([]);
  });

  it('maps an arrondissement to its city', () => {
    expect(cityOfArrondissement('75108')).toBe('75056');
    expect(cityOfArrondissement('69389')).toBe('69123');
    expect(cityOfArrondissement('13216')).toBe('13055');
    expect(cityOfArrondissement('75121')).toBeNull();
    expect(cityOfArrondissement('2A004')).toBeNull();
    expect(municipalityCodeOf('13201')).toBe('13055');
    expect(municipalityCodeOf('57463')).toBe('57463');
  });
});
