import { describe, expect, it } from 'vitest';
import { choosePlace, type PlaceOption } from './place-match';

const commune = (code: string, name: string, departement: string, postalCodes: string[] = []): PlaceOption => ({
  level: 'commune', code, name, label: `${name} (${departement})`, postalCodes,
});
const departement = (code: string, name: string): PlaceOption => ({ level: 'departement', code, name, label: `${name} (${code})` });

const METZ = commune('57463', 'Metz', '57', ['57000', '57050', '57070']);
const MOSELLE = departement('57', 'Moselle');
const LOIRE_ATLANTIQUE = departement('44', 'Loire-Atlantique');
const SAINT_DENIS = [commune('97411', 'Saint-Denis', '974'), commune('93066', 'Saint-Denis', '93'), commune('11339', 'Saint-Denis', '11')];

describe('choosePlace', () => {
  it('never takes a look-alike for the place typed', () => {
    const choice = choosePlace('Atlantide', [LOIRE_ATLANTIQUE, departement('64', 'Pyrénées-Atlantiques')]);
    expect(choice).toEqual({ kind: 'not-found', suggestions: [LOIRE_ATLANTIQUE, departement('64', 'Pyrénées-Atlantiques')] });
    expect(choosePlace('Metzz', [METZ]).kind).toBe('not-found');
    expect(choosePlace('Atlantide', [])).toEqual({ kind: 'not-found', suggestions: [] });
  });

  it('takes an exact name, label, code or postal code, accents, case and dashes aside', () => {
    for (const typed of ['Metz', 'metz', ' METZ ', 'Metz (57)', '57463', '57000']) {
      expect(choosePlace(typed, [METZ, commune('57466', 'Metzing', '57')]), typed).toEqual({ kind: 'found', place: METZ });
    }
    expect(choosePlace('loire atlantique', [LOIRE_ATLANTIQUE])).toEqual({ kind: 'found', place: LOIRE_ATLANTIQUE });
    expect(choosePlace('57', [MOSELLE])).toEqual({ kind: 'found', place: MOSELLE });
  });

  it('asks which one when a name is shared at one level, unless the label settles it', () => {
    expect(choosePlace('Saint-Denis', SAINT_DENIS)).toEqual({ kind: 'ambiguous', places: SAINT_DENIS });
    expect(choosePlace('Saint-Denis (974)', SAINT_DENIS)).toEqual({ kind: 'found', place: SAINT_DENIS[0] });
  });

  it('takes the first of the same name at different levels (the commune and the département of Paris)', () => {
    const paris = [departement('75', 'Paris'), commune('75056', 'Paris', '75')];
    expect(choosePlace('Paris', paris)).toEqual({ kind: 'found', place: paris[0] });
  });
});
