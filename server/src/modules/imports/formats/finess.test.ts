import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupplierKind } from '../../suppliers/supplier-kind.js';
import { SupplierSource } from '../../suppliers/supplier-source.js';
import type { SourceRecord } from '../source-record.js';
import { collectResults } from './collect-results.js';
import { finessCommuneCode, finessPostalLine, finessReader, finessStreet } from './finess.js';
import { inspectText } from './text-input.js';
import { expectedRecord, fixturePath } from '../test-records.js';

const FIXTURE = fixturePath('finess-esat.csv');

/** Within ~5 m: positions come from a projection, compared to PROJ's values. */
function near(latitude: number, longitude: number) {
  return { latitude: expect.closeTo(latitude, 4), longitude: expect.closeTo(longitude, 4) };
}

function esat(line: number, fields: Omit<Parameters<typeof expectedRecord>[2], 'kind'>): SourceRecord {
  return expectedRecord(SupplierSource.FINESS, line, { kind: SupplierKind.ESAT, ...fields });
}

const EXPECTED_RECORDS: SourceRecord[] = [
  esat(2, {
    sourceId: '570012345',
    siret: '41872653500010',
    legalName: "ÉTABLISSEMENT ET SERVICE D'AIDE PAR LE TRAVAIL DE LA SEILLE",
    brandName: 'ESAT DE LA SEILLE',
    address: { street: '12 BIS RUE DES JARDINS, BÂTIMENT C', postalCode: '57000', communeCode: '57463', communeName: 'METZ' },
    position: near(49.12019, 6.17566), // Metz cathedral
    phone: '0387654321',
    sourceUpdatedAt: new Date('2025-11-04T00:00:00Z'),
  }),
  esat(4, {
    sourceId: '010002699',
    siret: '39874512500037',
    legalName: 'ESAT "LES GENÊTS" DU SACRÉ-CŒUR',
    brandName: 'ESAT "LES GENÊTS"',
    address: { street: '900 ROUTE DE PARIS', postalCode: '01440', communeCode: '01451', communeName: 'VIRIAT' },
    position: near(46.22229, 5.20918),
    phone: '0474454647',
    sourceUpdatedAt: new Date('2025-02-04T00:00:00Z'),
  }),
  esat(5, {
    sourceId: '970100012',
    siret: '44781236300045',
    legalName: 'ESAT DE GRANDE-TERRE',
    address: { street: 'MORNE JOLIVIERE', postalCode: '97139', communeCode: '97101', communeName: 'LES ABYMES' },
    position: near(16.234, -61.52874),
    phone: '0590821963',
    sourceUpdatedAt: new Date('2024-08-25T00:00:00Z'),
  }),
  esat(6, {
    sourceId: '970102059',
    siret: '52369874400050',
    legalName: 'ESAT DE MARIGOT',
    address: { street: '4 RUE DE LA RÉPUBLIQUE', postalCode: '97150', communeCode: '97801', communeName: 'ST MARTIN' },
    phone: '0590875093',
    sourceUpdatedAt: new Date('2023-09-09T00:00:00Z'),
  }),
  esat(7, {
    sourceId: '970300026',
    siret: '61234587600066',
    legalName: 'ESAT DE CAYENNE',
    address: { street: 'AVENUE ALEXIS BLAISE, BP 6006', postalCode: '97306', communeCode: '97302', communeName: 'CAYENNE' },
    position: near(4.92347, -52.31973),
    phone: '0594395050',
    sourceUpdatedAt: new Date('2024-04-22T00:00:00Z'),
  }),
  esat(8, {
    sourceId: '970405767',
    siret: '73459821200078',
    legalName: 'ESAT DU PORT',
    address: { street: '40 CHEMIN DES ANCIENS ATELIERS', postalCode: '97420', communeCode: '97407', communeName: 'LE PORT' },
    position: near(-20.97571, 55.29821),
    phone: '0262508105',
    sourceUpdatedAt: new Date('2025-01-03T00:00:00Z'),
  }),
  esat(9, {
    sourceId: '980501506',
    siret: '81234765600082',
    legalName: 'ESAT DE MAMOUDZOU',
    address: { street: 'BP 208', postalCode: '97600', communeCode: '97611', communeName: 'MAMOUDZOU' },
    position: near(-12.77989, 45.22868), // no sourcecoordet: Mayotte's UTM 38S assumed
    phone: '0269666815',
    sourceUpdatedAt: new Date('2025-05-07T00:00:00Z'),
  }),
  esat(10, {
    sourceId: '970500012',
    siret: '84512376900091',
    legalName: 'ESAT DE SAINT-PIERRE',
    address: { street: '3 RUE DU GÉNÉRAL LECLERC', postalCode: '97500', communeCode: '97502', communeName: 'ST PIERRE' },
    position: near(46.77332, -56.17201),
    phone: '0508410000',
    sourceUpdatedAt: new Date('2022-12-01T00:00:00Z'),
  }),
  esat(11, {
    sourceId: '2A0001234',
    siret: '', // no SIRET: the engine rejects it ("SIRET manquant")
    legalName: 'ESAT DE LA CASTELLUCCIA',
    address: { street: 'CHEMIN DE LA CASTELLUCCIA', postalCode: '20000', communeCode: '2A004', communeName: 'AJACCIO' },
    position: null, // unreadable coordinates
    phone: '0495000000',
    sourceUpdatedAt: new Date('2025-03-15T00:00:00Z'),
  }),
  esat(12, {
    sourceId: '750012345',
    siret: '8851234567890', // 13 digits: passed as it is, the engine rejects it
    legalName: 'ESAT PARIS TREIZE',
    brandName: 'ESAT PARIS 13',
    address: { street: "47 BOULEVARD DE L'HÔPITAL", postalCode: '75013', communeCode: '75113', communeName: 'PARIS' },
    phone: '0142160000',
    sourceUpdatedAt: new Date('2025-06-30T00:00:00Z'),
  }),
];

describe('FINESS reader, on the Windows-1252 fixture', () => {
  it('is detected as Windows-1252', async () => {
    expect(await inspectText(FIXTURE)).toEqual({ encoding: 'windows-1252', replacementCharacters: 0, linesWithReplacements: 0, replacementLines: [] });
  });

  it('reads every ESAT field by field, with converted positions', async () => {
    const { records } = await collectResults(finessReader.read(FIXTURE, {}));
    expect(records).toEqual(EXPECTED_RECORDS);
  });

  it('skips other categories and rejects unreadable lines, with their line numbers, in file order', async () => {
    const { rejected, skipped, order } = await collectResults(finessReader.read(FIXTURE, {}));
    expect(skipped).toEqual([{ line: 3, reason: 'catégorie FINESS 500 hors périmètre (ESAT : 246)' }]);
    expect(rejected).toEqual([
      { line: 13, reason: 'Raison sociale manquante (rs et rslongue vides)', value: '570099990' },
      { line: 14, reason: 'Ligne FINESS illisible : 5 champs au lieu de 32', value: 'structureet;570099999;570098765;ESAT TRONQUE;' },
      { line: 15, reason: 'Ligne FINESS illisible : type de ligne « xyz » inconnu (attendu structureet ou geolocalisation)', value: 'xyz;ligne parasite' },
    ]);
    expect(order.map(([, line]) => line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  describe('the same extract in UTF-8', () => {
    let dir: string;
    let utf8Path: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'finess-utf8-'));
      utf8Path = path.join(dir, 'finess-utf8.csv');
      await writeFile(utf8Path, '\ufeff' + iconv.decode(await readFile(FIXTURE), 'windows-1252'), 'utf8');
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('gives the same records', async () => {
      expect((await inspectText(utf8Path)).encoding).toBe('utf-8');
      const { records } = await collectResults(finessReader.read(utf8Path, {}));
      expect(records).toEqual(EXPECTED_RECORDS);
    });
  });
});

describe('FINESS field rules', () => {
  it('builds INSEE codes, overseas letters and renumbered communes included', () => {
    expect(finessCommuneCode('57', '463')).toBe('57463');
    expect(finessCommuneCode('1', '53')).toBe('01053');
    expect(finessCommuneCode('2A', '004')).toBe('2A004');
    expect(finessCommuneCode('2b', '033')).toBe('2B033');
    expect(finessCommuneCode('75', '113')).toBe('75113');
    expect(finessCommuneCode('9A', '101')).toBe('97101');
    expect(finessCommuneCode('9B', '209')).toBe('97209');
    expect(finessCommuneCode('9C', '302')).toBe('97302');
    expect(finessCommuneCode('9D', '411')).toBe('97411');
    expect(finessCommuneCode('9E', '502')).toBe('97502');
    expect(finessCommuneCode('9F', '606')).toBe('97606');
    expect(finessCommuneCode('9J', '613')).toBe('98613');
    expect(finessCommuneCode('9A', '123')).toBe('97701');
    expect(finessCommuneCode('9A', '127')).toBe('97801');
    expect(finessCommuneCode('9Z', '101')).toBeNull();
    expect(finessCommuneCode('57', '')).toBeNull();
    expect(finessCommuneCode(null, '463')).toBeNull();
  });

  it('writes the street with the repetition index after the number and the type expanded once', () => {
    const fields = (numvoie: string, typvoie: string, voie: string, compvoie: string, compldistrib = '', lieuditbp = '') => {
      const line = new Array<string>(32).fill('');
      line[6] = compldistrib;
      line[7] = numvoie;
      line[8] = typvoie;
      line[9] = voie;
      line[10] = compvoie;
      line[11] = lieuditbp;
      return line;
    };
    expect(finessStreet(fields('12', 'R', 'DES JARDINS', 'B', 'BÂTIMENT C'))).toBe('12 BIS RUE DES JARDINS, BÂTIMENT C');
    expect(finessStreet(fields('1', 'R', 'RAYMOND BARRE', 'C', '', 'ZAC MOULIN JOLI'))).toBe('1 C RUE RAYMOND BARRE, ZAC MOULIN JOLI');
    expect(finessStreet(fields('40', 'CHE', 'CHEMIN SAFER MORANGE', ''))).toBe('40 CHEMIN SAFER MORANGE');
    expect(finessStreet(fields('3', 'XYZ', 'DU PORT', 'T'))).toBe('3 TER XYZ DU PORT');
    expect(finessStreet(fields('', '', '', ''))).toBeNull();
  });

  it('splits the routing line and leaves CEDEX out of the commune name', () => {
    expect(finessPostalLine('57000 METZ')).toEqual({ postalCode: '57000', communeName: 'METZ' });
    expect(finessPostalLine('97306 CAYENNE CEDEX')).toEqual({ postalCode: '97306', communeName: 'CAYENNE' });
    expect(finessPostalLine('01012 BOURG EN BRESSE CEDEX 2')).toEqual({ postalCode: '01012', communeName: 'BOURG EN BRESSE' });
    expect(finessPostalLine('ST MARTIN')).toEqual({ postalCode: null, communeName: 'ST MARTIN' });
    expect(finessPostalLine(null)).toEqual({ postalCode: null, communeName: null });
  });
});
