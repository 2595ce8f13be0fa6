import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupplierKind } from '../../suppliers/supplier-kind.js';
import { SupplierSource } from '../../suppliers/supplier-source.js';
import type { SourceRecord } from '../source-record.js';
import { collectResults } from './collect-results.js';
import { FormatError } from './format-error.js';
import { excelCellText, genericReader, resolveColumns } from './generic.js';
import { expectedRecord, fixturePath } from '../test-records.js';

const FIXTURE = fixturePath('generic-structures.csv');

function row(line: number, source: SupplierSource, fields: Omit<Parameters<typeof expectedRecord>[2], 'sourceId'>): SourceRecord {
  return expectedRecord(source, line, { sourceId: fields.siret, ...fields });
}

describe('generic CSV (Windows-1252, semicolons, a title line above the header)', () => {
  it('reads each row through the French-header preset, field by field', async () => {
    const { records } = await collectResults(genericReader.read(FIXTURE, { source: SupplierSource.SUPPLIER }));
    const s = SupplierSource.SUPPLIER;
    expect(records).toEqual([
      row(3, s, {
        siret: '41872653500010',
        legalName: 'Les Jardins de la Seille',
        brandName: 'Jardins Seille',
        kind: SupplierKind.EI,
        description: 'Maraîchage et entretien d’espaces verts',
        address: { street: '4 rue aux Arènes', postalCode: '57000', communeCode: '57463', communeName: 'Metz' },
        position: { latitude: 49.1093, longitude: 6.1811 },
        email: 'contact@jardins-seille.example.org',
        phone: '03 87 00 00 01',
        website: 'https://jardins-seille.example.org',
      }),
      row(4, s, {
        siret: '50123498300028',
        legalName: 'ESAT du Val de Fensch',
        kind: SupplierKind.ESAT,
        description: 'Sous-traitance industrielle, blanchisserie',
        address: { street: '12 route de Thionville, ZI Nord', postalCode: '57100', communeCode: '57672', communeName: 'Thionville' },
        email: 'esat.fensch@example.org',
        phone: '03 82 00 00 02',
      }),
      row(5, s, {
        siret: '39874512500037',
        legalName: 'Adapt’Est',
        kind: SupplierKind.EA,
        address: { street: null, postalCode: '57200', communeCode: '57631', communeName: 'Sarreguemines' },
      }),
      row(6, s, {
        siret: '44781236300045',
        legalName: 'GEIQ Industrie Lorraine',
        kind: SupplierKind.GEIQ,
        address: { street: null, postalCode: '57000', communeCode: '57463', communeName: 'Metz' },
      }),
      row(7, s, {
        siret: '52369874400050',
        legalName: 'Chantier Œuvre Commune',
        kind: SupplierKind.ACI,
        description: 'Rénovation du patrimoine;\nvisites de chantier sur rendez-vous',
        address: { street: "7 place d'Armes; bâtiment B", postalCode: '57000', communeCode: '57463', communeName: 'Metz' },
      }),
      row(12, s, {
        siret: '81234765600082',
        legalName: 'Intérim Adapté Ardennes',
        kind: SupplierKind.EATT,
        address: { street: null, postalCode: '08000', communeCode: '08105', communeName: 'Charleville-Mézières' },
      }),
    ]);
  });

  it('skips the title line, rejects unknown kinds and nameless rows on their lines', async () => {
    const { skipped, rejected } = await collectResults(genericReader.read(FIXTURE, { source: SupplierSource.SUPPLIER }));
    expect(skipped).toEqual([{ line: 1, reason: 'ligne avant l’en-tête' }]);
    expect(rejected).toEqual([
      { line: 9, reason: 'Type de structure inconnu', value: 'Association loi 1901' },
      { line: 10, reason: 'Nom de la structure manquant' },
    ]);
  });

  it('records the source the operator states, and refuses to start without one', async () => {
    const { records } = await collectResults(genericReader.read(FIXTURE, { source: SupplierSource.DATA_INCLUSION }));
    expect(records.every((record) => record.source === SupplierSource.DATA_INCLUSION)).toBe(true);
    expect(() => genericReader.read(FIXTURE, {})).toThrow(FormatError);
    expect(() => genericReader.read(FIXTURE, {})).toThrow(/la source des données n’est pas indiquée/);
  });
});

describe('column mapping', () => {
  it('matches preset headers ignoring case, accents, spaces and punctuation', () => {
    expect(resolveColumns(['NOM', 'Siret', 'Type', 'E-mail', 'Site web', 'Code Postal', 'Commune', 'Code commune', 'Téléphone', 'Adresse 2'])).toEqual({
      legalName: 0,
      siret: 1,
      kind: 2,
      email: 3,
      website: 4,
      postalCode: 5,
      communeName: 6,
      communeCode: 7,
      phone: 8,
      streetComplement: 9,
    });
  });

  it('lets an explicit mapping win over the preset, and names a mapped header that is missing', () => {
    expect(resolveColumns(['Nom', 'Nom commercial', 'Catégorie'], { legalName: 'Nom commercial', kind: 'categorie' })).toMatchObject({
      legalName: 1,
      kind: 2,
    });
    expect(() => resolveColumns(['Nom', 'Type'], { siret: 'Numéro SIRET' })).toThrow(
      'Colonne « Numéro SIRET » (SIRET) introuvable dans l’en-tête. Colonnes du fichier : Nom, Type.',
    );
  });
});

describe('generic XLSX and odd CSVs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'generic-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the first worksheet of an XLSX, with numbers, links, rich text and formulas as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Structures');
    sheet.addRow(['Liste des SIAE partenaires']);
    sheet.addRow(['Nom de l’établissement', 'SIRET', 'Type', 'Code Postal', 'Commune', 'E-mail', 'Site web', 'Latitude', 'Longitude']);
    sheet.addRow(['Régie de quartier Nord', 41872653500010, 'Entreprise d’insertion', 8000, 'Charleville-Mézières', { text: 'regie@example.org', hyperlink: 'mailto:regie@example.org' }, 'https://regie.example.org', 49.77, 4.72]);
    sheet.addRow([{ richText: [{ text: 'ESAT ' }, { font: { bold: true }, text: 'Les Tilleuls' }] }, '501 234 983 00028', 'esat', '57000', 'Metz', null, null, null, null]);
    sheet.addRow([]);
    sheet.addRow(['Sans type', '39874512500037', { formula: '"ZZ"&"Z"', result: 'ZZZ' }, '57000', 'Metz']);
    await workbook.addWorksheet('Autre').addRow(['ignored']);
    const file = path.join(dir, 'structures.xlsx');
    await workbook.xlsx.writeFile(file);

    const { records, rejected, skipped } = await collectResults(
      genericReader.read(file, { source: SupplierSource.SUPPLIER, columnMapping: { legalName: 'Nom de l’établissement' } }),
    );
    expect(records).toEqual([
      row(3, SupplierSource.SUPPLIER, {
        siret: '41872653500010',
        legalName: 'Régie de quartier Nord',
        kind: SupplierKind.EI,
        address: { street: null, postalCode: '08000', communeCode: null, communeName: 'Charleville-Mézières' },
        position: { latitude: 49.77, longitude: 4.72 },
        email: 'regie@example.org',
        website: 'https://regie.example.org',
      }),
      row(4, SupplierSource.SUPPLIER, {
        siret: '50123498300028',
        legalName: 'ESAT Les Tilleuls',
        kind: SupplierKind.ESAT,
        address: { street: null, postalCode: '57000', communeCode: null, communeName: 'Metz' },
      }),
    ]);
    expect(skipped).toEqual([{ line: 1, reason: 'ligne avant l’en-tête' }]);
    expect(rejected).toEqual([{ line: 6, reason: 'Type de structure inconnu', value: 'ZZZ' }]);
  });

  it('reads a tab-separated UTF-8 file with a BOM', async () => {
    const file = path.join(dir, 'tabs.csv');
    await writeFile(file, '\ufeffRaison sociale\tType\tSIRET\nCafé Solidaire\tEI\t41872653500010\n', 'utf8');
    const { records } = await collectResults(genericReader.read(file, { source: SupplierSource.SUPPLIER }));
    expect(records.map((r) => [r.line, r.legalName, r.kind, r.siret])).toEqual([[2, 'Café Solidaire', SupplierKind.EI, '41872653500010']]);
  });

  it('says which columns are missing when no header is found', async () => {
    const file = path.join(dir, 'no-kind.csv');
    await writeFile(file, 'Nom;Ville\nX;Metz\n', 'utf8');
    await expect(collectResults(genericReader.read(file, { source: SupplierSource.SUPPLIER }))).rejects.toThrow(
      /aucune colonne reconnue pour type de structure \(kind\).*Colonnes de la ligne la plus proche d’un en-tête : Nom, Ville\./,
    );
  });

  it('names a mapped header that is nowhere in the file', async () => {
    const file = path.join(dir, 'mapped.csv');
    await writeFile(file, 'Nom;Type\nX;EI\n', 'utf8');
    await expect(collectResults(genericReader.read(file, { source: SupplierSource.SUPPLIER, columnMapping: { siret: 'Numéro SIRET' } }))).rejects.toThrow(
      'Colonne « Numéro SIRET » (SIRET) introuvable dans l’en-tête. Colonnes du fichier : Nom, Type.',
    );
  });

  it('turns spreadsheet cells into text', () => {
    expect(excelCellText(41872653500010)).toBe('41872653500010');
    expect(excelCellText(49.77)).toBe('49.77');
    expect(excelCellText(new Date('2025-03-04T00:00:00Z'))).toBe('2025-03-04');
    expect(excelCellText({ error: '#N/A' })).toBe('');
    expect(excelCellText(null)).toBe('');
  });
});
