import { describe, expect, it } from 'vitest';
import { definitionOfSourceCoord, LAMBERT_93, projectedToWgs84, utm, wgs84ToProjected, type Wgs84Position } from './coordinates.js';

/** Great-circle distance in metres. */
function metresBetween(a: Wgs84Position, b: Wgs84Position): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe('projectedToWgs84', () => {
  it('puts the projections’ defining points where their definitions say', () => {
    // Lambert-93: false origin (700 000, 6 600 000) is 3°E, 46°30'N.
    expect(metresBetween(projectedToWgs84(700_000, 6_600_000, LAMBERT_93)!, { latitude: 46.5, longitude: 3 })).toBeLessThan(0.01);
    // UTM: (500 000, 0) north, (500 000, 10 000 000) south, is the zone's central meridian on the equator.
    expect(metresBetween(projectedToWgs84(500_000, 0, utm(20, 'N'))!, { latitude: 0, longitude: -63 })).toBeLessThan(0.01);
    expect(metresBetween(projectedToWgs84(500_000, 10_000_000, utm(40, 'S'))!, { latitude: 0, longitude: 57 })).toBeLessThan(0.01);
  });

  // Reference values computed by PROJ (pyproj) for FINESS establishments; an independent implementation.
  const places: Array<[string, number, number, string, Wgs84Position]> = [
    ['Viriat, CH de Fleyriat (Lambert-93)', 870262.2, 6571540.8, LAMBERT_93, { latitude: 46.22229, longitude: 5.20918 }],
    ['Les Abymes, Guadeloupe (UTM 20N, EPSG:5490)', 657242.9, 1795384.4, utm(20, 'N'), { latitude: 16.234, longitude: -61.52874 }],
    ['Cayenne, Guyane (UTM 22N, EPSG:2972)', 353672.8, 544349.1, utm(22, 'N'), { latitude: 4.92347, longitude: -52.31973 }],
    ['La Réunion, west coast (UTM 40S, EPSG:2975)', 323086.6, 7679599.8, utm(40, 'S'), { latitude: -20.97571, longitude: 55.29821 }],
    ['Mamoudzou, Mayotte (UTM 38S, EPSG:4471)', 524819.9, 8587194.7, utm(38, 'S'), { latitude: -12.77989, longitude: 45.22868 }],
    ['Saint-Pierre (UTM 21N)', 563213.8, 5180306.8, utm(21, 'N'), { latitude: 46.77332, longitude: -56.17201 }],
  ];
  it.each(places)('%s is within a metre of PROJ', (_name, x, y, definition, expected) => {
    expect(metresBetween(projectedToWgs84(x, y, definition)!, expected)).toBeLessThan(1);
  });

  it('puts Metz cathedral back where it is, through Lambert-93 and back', () => {
    const cathedral = { latitude: 49.12019, longitude: 6.17566 };
    const { x, y } = wgs84ToProjected(cathedral, LAMBERT_93);
    expect(x).toBeCloseTo(931_769, -1);
    expect(y).toBeCloseTo(6_895_815, -1);
    expect(metresBetween(projectedToWgs84(x, y, LAMBERT_93)!, cathedral)).toBeLessThan(0.01);
  });

  it('refuses coordinates that are not numbers', () => {
    expect(projectedToWgs84(Number.NaN, 1, LAMBERT_93)).toBeNull();
  });
});

describe('definitionOfSourceCoord', () => {
  it('reads EPSG codes of newer extracts and trailing tokens of older ones', () => {
    expect(definitionOfSourceCoord('1,ATLASANTE,96,BAN,EPSG:2154 RGF93 / Lambert-93 (Métropole)')).toBe(LAMBERT_93);
    expect(definitionOfSourceCoord('2,ATLASANTE,96,BAN,EPSG:5490 RGAF09/UTM Zone 20N (Antilles)')).toBe(utm(20, 'N'));
    expect(definitionOfSourceCoord('2,ATLASANTE,100,BDADRESSE,EPSG:4471 RGM04/UTM zone 38S (Mayotte)')).toBe(utm(38, 'S'));
    expect(definitionOfSourceCoord('2,ATLASANTE,90,BAN,EPSG:32621')).toBe(utm(21, 'N'));
    expect(definitionOfSourceCoord('1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93')).toBe(LAMBERT_93);
    expect(definitionOfSourceCoord('1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_N22')).toBe(utm(22, 'N'));
    expect(definitionOfSourceCoord('1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_S40')).toBe(utm(40, 'S'));
    expect(definitionOfSourceCoord('2,ATLASANTE,90,BAN,WGS84/UTM zone 21N (St-Pierre-et-Miquelon)')).toBe(utm(21, 'N'));
  });

  it('gives null for unknown or empty systems', () => {
    expect(definitionOfSourceCoord('')).toBeNull();
    expect(definitionOfSourceCoord(null)).toBeNull();
    expect(definitionOfSourceCoord('EPSG:9999')).toBeNull();
  });
});
