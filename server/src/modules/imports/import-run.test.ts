import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { ServiceType } from '../suppliers/service-area.js';
import { makeSiret } from '../suppliers/siret.js';
import { SupplierKind } from '../suppliers/supplier-kind.js';
import { SupplierSource } from '../suppliers/supplier-source.js';
import { ImportRunStatus } from './import-run.entity.js';
import { loadReport, type ImportReport } from './import-report.js';
import { runImport, type ImportOptions } from './import-run.js';
import type { ReadResult, SourceRecord } from './source-record.js';

let database: TestDatabase;
let db: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});

afterAll(async () => {
  await database.drop();
});

/** Distinct valid SIRETs for this file (8-digit SIREN bodies from a counter). */
let serial = 0;
function siret(): string {
  serial += 1;
  return makeSiret(String(71_000_000 + serial), '0011');
}

let line = 1;
function record(fields: Partial<SourceRecord> & { sourceId: string }, source = SupplierSource.DATA_INCLUSION): SourceRecord {
  line += 1;
  return {
    line,
    source,
    siret: siret(),
    legalName: `Structure ${fields.sourceId}`,
    brandName: null,
    kind: SupplierKind.EI,
    description: 'Nettoyage de bureaux et entretien des espaces verts.',
    address: { street: '1 rue de la Gare', postalCode: '57000', communeCode: '57463', communeName: 'Metz' },
    position: { latitude: 49.11, longitude: 6.18 },
    email: 'contact@example.org',
    phone: null,
    website: null,
    serviceTypes: [],
    tags: [],
    activities: [],
    sourceUpdatedAt: new Date('2026-01-15T00:00:00Z'),
    ...fields,
  };
}

async function* readerOf(results: readonly (ReadResult | SourceRecord)[]): AsyncIterable<ReadResult> {
  for (const result of results) yield 'sourceId' in result ? { record: result } : result;
}

function importRows(
  rows: readonly (ReadResult | SourceRecord)[],
  options: Partial<ImportOptions> = {},
): Promise<ImportReport> {
  return runImport(db, readerOf(rows), {
    source: SupplierSource.DATA_INCLUSION,
    format: 'data-inclusion-csv',
    file: 'test.csv',
    partial: false,
    dryRun: false,
    ...options,
  });
}

interface SupplierRow {
  id: number;
  siret: string;
  legal_name: string;
  brand_name: string | null;
  kind: string;
  description: string;
  email: string | null;
  phone: string | null;
  commune_code: string;
  municipality_code: string;
  departement_code: string;
  latitude: number | null;
  longitude: number | null;
  position_source: string | null;
  published: boolean;
  data_source: string;
  siret_is_antenna: boolean;
  service_area_kind: string;
  service_area_departement_codes: string[];
  tags: string[];
  service_types: string[];
}

async function supplierOf(source: SupplierSource, sourceId: string): Promise<SupplierRow | undefined> {
  const [row] = await db.query(
    `SELECT s.* FROM supplier s JOIN supplier_source_record r ON r.supplier_id = s.id WHERE r.source = $1 AND r.source_id = $2`,
    [source, sourceId],
  );
  return row;
}

/** Row versions of everything an import writes: equal before and after, nothing was written. */
async function rowVersions(): Promise<string> {
  const [{ versions }] = await db.query(
    `SELECT (SELECT string_agg(id || ':' || xmin::text, ',' ORDER BY id) FROM supplier) ||
            (SELECT coalesce(string_agg(supplier_id || ':' || xmin::text, ',' ORDER BY supplier_id), '') FROM supplier_search) ||
            (SELECT coalesce(string_agg(source_id || ':' || xmin::text, ',' ORDER BY source, source_id), '') FROM supplier_source_record) ||
            (SELECT coalesce(string_agg(supplier_id || '-' || category_id || ':' || xmin::text, ',' ORDER BY supplier_id, category_id), '')
               FROM supplier_category) AS versions`,
  );
  return versions;
}

describe('import engine', () => {
  it('creates suppliers, and a second run of the same file writes nothing', async () => {
    const rows = [
      record({ sourceId: 'idem-1', kind: SupplierKind.ESAT, activities: ['Espaces verts', 'Blanchisserie'] }),
      record({ sourceId: 'idem-2', address: { street: null, postalCode: '54000', communeCode: '54395', communeName: 'Nancy' }, position: null }),
      record({ sourceId: 'idem-3', serviceTypes: [ServiceType.GOODS], tags: ['COORACE'] }),
    ];
    const first = await importRows(rows);
    expect(first).toMatchObject({ status: ImportRunStatus.COMPLETED, rowsRead: 3, created: 3, unchanged: 0, rejected: 0 });

    const supplier = await supplierOf(SupplierSource.DATA_INCLUSION, 'idem-1');
    expect(supplier).toMatchObject({
      kind: 'ESAT',
      commune_code: '57463',
      departement_code: '57',
      published: true,
      data_source: 'DATA_INCLUSION',
      // Sources say nothing of a service area: the supplier's own département.
      service_area_kind: 'DEPARTEMENTS',
      service_area_departement_codes: ['57'],
    });
    const [search] = await db.query('SELECT published, kind, departement_code FROM supplier_search WHERE supplier_id = $1', [supplier!.id]);
    expect(search).toEqual({ published: true, kind: 'ESAT', departement_code: '57' });

    const before = await rowVersions();
    const second = await importRows(rows);
    expect(second).toMatchObject({ status: ImportRunStatus.COMPLETED, rowsRead: 3, created: 0, updated: 0, unchanged: 3, unpublished: 0 });
    expect(await rowVersions()).toBe(before);
  });

  it('updates what changed, unpublishes what a full file no longer has, and republishes it when it comes back', async () => {
    const a = record({ sourceId: 'upd-a' });
    const b = record({ sourceId: 'upd-b' });
    const c = record({ sourceId: 'upd-c' });
    const source = SupplierSource.MARCHE_INCLUSION;
    const options = { source, format: 'marche-inclusion' };
    for (const r of [a, b, c]) r.source = source;
    expect(await importRows([a, b, c], options)).toMatchObject({ created: 3 });

    const changed = { ...a, legalName: 'Nouveau nom', phone: '03 87 00 00 00', address: { ...a.address, street: '2 rue Neuve' } };
    const partial = await importRows([changed], { ...options, partial: true });
    expect(partial).toMatchObject({ updated: 1, unpublished: 0 });
    expect(await supplierOf(source, 'upd-a')).toMatchObject({ legal_name: 'Nouveau nom', phone: '03 87 00 00 00', published: true });
    expect(await supplierOf(source, 'upd-b')).toMatchObject({ published: true });

    const full = await importRows([changed, b], options);
    expect(full).toMatchObject({ unchanged: 2, unpublished: 1 });
    const gone = await supplierOf(source, 'upd-c');
    expect(gone).toMatchObject({ published: false });
    const [search] = await db.query('SELECT published FROM supplier_search WHERE supplier_id = $1', [gone!.id]);
    expect(search.published).toBe(false);

    const back = await importRows([changed, b, c], options);
    expect(back).toMatchObject({ republished: 1, unchanged: 2, unpublished: 0 });
    expect(await supplierOf(source, 'upd-c')).toMatchObject({ id: gone!.id, published: true });
  });

  it('keeps a supplier present through another source published', async () => {
    const shared = siret();
    await importRows([record({ sourceId: 'keep-di', siret: shared })]);
    await importRows([record({ sourceId: 'keep-finess', siret: shared, kind: SupplierKind.ESAT }, SupplierSource.FINESS)], {
      source: SupplierSource.FINESS,
      format: 'finess',
      partial: true,
    });
    // A full data·inclusion file without it: still in FINESS.
    const report = await importRows([record({ sourceId: 'keep-other' })], { partial: false });
    expect(report.unpublished).toBeGreaterThanOrEqual(0);
    const supplier = await supplierOf(SupplierSource.FINESS, 'keep-finess');
    expect(supplier).toMatchObject({ published: true, siret: shared });
    const [record_] = await db.query(
      `SELECT present FROM supplier_source_record WHERE source = 'DATA_INCLUSION' AND source_id = 'keep-di'`,
    );
    expect(record_.present).toBe(false);
  });

  it('never overwrites what a structure edited itself', async () => {
    const source = SupplierSource.EMPLOIS_INCLUSION;
    const options = { source, format: 'emplois-inclusion', partial: true };
    const original = record({ sourceId: 'self-1', description: 'Texte de la source', email: 'source@example.org' }, source);
    await importRows([original], options);
    const supplier = await supplierOf(source, 'self-1');
    await db.query(
      `UPDATE supplier SET description = 'Notre texte', email = 'nous@example.org', service_area_kind = 'NATIONAL',
         service_area_departement_codes = '{}', self_edited_fields = '{description,email,serviceArea}' WHERE id = $1`,
      [supplier!.id],
    );
    const changed = { ...original, description: 'Nouveau texte de la source', email: 'autre@example.org', legalName: 'Nom officiel' };
    expect(await importRows([changed], options)).toMatchObject({ updated: 1 });
    expect(await supplierOf(source, 'self-1')).toMatchObject({
      legal_name: 'Nom officiel',
      description: 'Notre texte',
      email: 'nous@example.org',
      service_area_kind: 'NATIONAL',
    });
  });

  it('merges the same structure across sources, by SIRET and by name in the same commune, keeping every source id', async () => {
    const bySiret = siret();
    await importRows([
      record({ sourceId: 'merge-1', siret: bySiret, legalName: 'Envie Lorraine', email: null, activities: ['Recyclage'] }),
      record({ sourceId: 'merge-2', legalName: 'Les Jardins de Cocagne', brandName: null,
        address: { street: null, postalCode: '57100', communeCode: '57672', communeName: 'Thionville' }, position: null }),
    ], { partial: true });
    const report = await importRows([
      record({ sourceId: 'f-1', siret: bySiret, legalName: 'ENVIE LORRAINE SAS', email: 'envie@example.org',
        activities: ['Blanchisserie'] }, SupplierSource.FINESS),
      // Another SIRET, same name in the same commune once normalised.
      record({ sourceId: 'f-2', legalName: 'LES JARDINS DE COCAGNE', kind: SupplierKind.ACI,
        address: { street: '3 route de Metz', postalCode: '57100', communeCode: null, communeName: 'THIONVILLE' },
        position: { latitude: 49.36, longitude: 6.15 } }, SupplierSource.FINESS),
    ], { source: SupplierSource.FINESS, format: 'finess', partial: true });
    expect(report).toMatchObject({ merged: 2, created: 0 });

    const envie = await supplierOf(SupplierSource.FINESS, 'f-1');
    // The first source stays primary; the other one fills what was empty and adds its categories.
    expect(envie).toMatchObject({ legal_name: 'Envie Lorraine', email: 'envie@example.org', data_source: 'DATA_INCLUSION' });
    expect(envie!.id).toBe((await supplierOf(SupplierSource.DATA_INCLUSION, 'merge-1'))!.id);
    const categories = await db.query(
      `SELECT c.slug FROM supplier_category sc JOIN category c ON c.id = sc.category_id WHERE sc.supplier_id = $1 ORDER BY c.slug`,
      [envie!.id],
    );
    expect(categories.map((row: { slug: string }) => row.slug)).toEqual(['entretien-vetements-travail', 'lavage-linge-plat', 'ressourcerie-reemploi']);

    const jardins = await supplierOf(SupplierSource.FINESS, 'f-2');
    expect(jardins!.id).toBe((await supplierOf(SupplierSource.DATA_INCLUSION, 'merge-2'))!.id);
    // A commune centre gives way to the address position of the other source.
    expect(jardins).toMatchObject({ position_source: 'ADDRESS', latitude: 49.36 });
    const records = await db.query(
      `SELECT source, source_id, is_primary, siret FROM supplier_source_record WHERE supplier_id = $1 ORDER BY source`,
      [jardins!.id],
    );
    expect(records).toHaveLength(2);
    expect(records.filter((row: { is_primary: boolean }) => row.is_primary)).toHaveLength(1);
  });

  it('imports the first of two rows of one file that share a SIRET, and reports the other as a duplicate', async () => {
    const shared = siret();
    const first = record({ sourceId: 'twin-1', siret: shared });
    const second = record({ sourceId: 'twin-2', siret: shared, legalName: 'Autre nom' });
    const report = await importRows([first, second], { partial: true });
    expect(report).toMatchObject({ created: 1, merged: 0, duplicates: 1, rowsRead: 2 });
    expect(report.duplicateRows).toEqual([{ line: second.line, siret: shared, firstLine: first.line }]);
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM supplier WHERE siret = $1', [shared]);
    expect(count).toBe(1);
    expect((await supplierOf(SupplierSource.DATA_INCLUSION, 'twin-1'))!.legal_name).toBe('Structure twin-1');
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'twin-2')).toBeUndefined();
    expect(await loadReport(db, report.runId)).toMatchObject({ duplicates: 1, duplicateRows: report.duplicateRows });
  });

  it('imports 1 200 rows sharing one SIRET in as many batches as a clean file, listing the first duplicates', async () => {
    const shared = siret();
    const rows = Array.from({ length: 1_200 }, (_, index) => record({ sourceId: `same-${index}`, siret: shared, legalName: `Antenne ${index}` }));
    let batches = 0;
    const run = () => importRows(rows, { partial: true, batchSize: 100, concurrency: 2, onProgress: () => (batches += 1) });
    const report = await run();
    expect(report).toMatchObject({ status: ImportRunStatus.COMPLETED, rowsRead: 1_200, created: 1, merged: 0, duplicates: 1_199 });
    // One batch per 100 rows read (held-back rows would need one more batch each).
    expect(batches).toBeLessThanOrEqual(12);
    expect(report.duplicateRows).toHaveLength(100);
    expect(report.duplicateRows[0]).toEqual({ line: rows[1]!.line, siret: shared, firstLine: rows[0]!.line });
    expect(report.duplicateRows.at(-1)).toEqual({ line: rows[100]!.line, siret: shared, firstLine: rows[0]!.line });
    const stored = await loadReport(db, report.runId);
    expect(stored).toMatchObject({ duplicates: 1_199, duplicateRows: report.duplicateRows });
    const [{ records }] = await db.query(`SELECT count(*)::int AS records FROM supplier_source_record WHERE source_id LIKE 'same-%'`);
    expect(records).toBe(1);

    // The same file again: the first row is unchanged, the others are still duplicates, nothing is written.
    const before = await rowVersions();
    batches = 0;
    expect(await run()).toMatchObject({ unchanged: 1, duplicates: 1_199, created: 0, updated: 0 });
    expect(batches).toBeLessThanOrEqual(12);
    expect(await rowVersions()).toBe(before);
  });

  it('imports the next row with a SIRET when the first one is rejected', async () => {
    const shared = siret();
    const nowhere = record({ sourceId: 'lost-1', siret: shared, address: { street: null, postalCode: '99999', communeCode: '99999', communeName: 'Nulle Part' } });
    const found = record({ sourceId: 'lost-2', siret: shared });
    const report = await importRows([nowhere, found], { partial: true });
    expect(report).toMatchObject({ rejected: 1, created: 1, duplicates: 0 });
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'lost-2')).toMatchObject({ siret: shared });
  });

  it('holds back a row whose supplier a batch in flight is writing', async () => {
    // Two records of the source on one supplier: the second came while the first was absent.
    const shared = siret();
    const a = record({ sourceId: 'pair-a', siret: shared, email: null, phone: null });
    const b = record({ sourceId: 'pair-b', siret: shared, email: null, phone: '03 87 00 00 01' });
    await importRows([a], { partial: true });
    expect(await importRows([b], { partial: true })).toMatchObject({ merged: 1 });
    const supplier = await supplierOf(SupplierSource.DATA_INCLUSION, 'pair-a');
    expect((await supplierOf(SupplierSource.DATA_INCLUSION, 'pair-b'))!.id).toBe(supplier!.id);

    // Both change, b with a SIRET of its own: each writes the supplier, one batch after the other.
    const changedA = { ...a, email: 'a@example.org' };
    const changedB = { ...b, siret: siret(), description: 'Autre présentation' };
    const report = await importRows([changedA, changedB], { partial: true, batchSize: 1, concurrency: 2 });
    expect(report).toMatchObject({ status: ImportRunStatus.COMPLETED, updated: 2, duplicates: 0 });
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'pair-a')).toMatchObject({ id: supplier!.id, email: 'a@example.org', phone: '03 87 00 00 01' });
  });

  it('gives the official fields to another source when the primary one drops a structure', async () => {
    const shared = siret();
    const emplois = { source: SupplierSource.EMPLOIS_INCLUSION, format: 'emplois-inclusion' };
    await importRows([record({ sourceId: 'promo-e', siret: shared, legalName: 'Nom des emplois' }, emplois.source)], {
      ...emplois,
      partial: true,
    });
    const finess = record({ sourceId: 'promo-f', siret: shared, legalName: 'Nom FINESS', kind: SupplierKind.ESAT }, SupplierSource.FINESS);
    const finessRun = { source: SupplierSource.FINESS, format: 'finess', partial: true };
    expect(await importRows([finess], finessRun)).toMatchObject({ merged: 1 });
    expect(await supplierOf(SupplierSource.FINESS, 'promo-f')).toMatchObject({ legal_name: 'Nom des emplois', kind: 'EI' });

    // A full file of les emplois without it.
    const report = await importRows([record({ sourceId: 'promo-other' }, emplois.source)], { ...emplois, partial: false });
    expect(report.status).toBe(ImportRunStatus.COMPLETED);
    const [promoted] = await db.query(`SELECT is_primary, content_hash FROM supplier_source_record WHERE source_id = 'promo-f'`);
    expect(promoted).toEqual({ is_primary: true, content_hash: null });
    expect(await supplierOf(SupplierSource.FINESS, 'promo-f')).toMatchObject({ published: true });

    // Its next import rewrites the official fields from it.
    expect(await importRows([finess], finessRun)).toMatchObject({ updated: 1 });
    expect(await supplierOf(SupplierSource.FINESS, 'promo-f')).toMatchObject({
      legal_name: 'Nom FINESS',
      kind: 'ESAT',
      data_source: 'FINESS',
      published: true,
    });
  });

  it('rejects bad rows with their line and reason, and imports the rest', async () => {
    const bad = [
      record({ sourceId: 'bad-luhn', siret: '12345678901234' }),
      record({ sourceId: 'bad-missing', siret: '' }),
      record({ sourceId: 'bad-commune', address: { street: null, postalCode: '99999', communeCode: '99999', communeName: 'Nulle Part' } }),
      record({ sourceId: 'bad-name', legalName: '  ' }),
      record({ sourceId: 'bad-kind', kind: 'XYZ' as SupplierKind }),
    ];
    const good = record({ sourceId: 'good-1' });
    const duplicate = record({ sourceId: 'good-1' });
    const report = await importRows(
      [...bad, { rejected: { line: 999, reason: 'Ligne illisible', value: 'xx' } }, { skipped: { line: 1000, reason: 'réseau hors périmètre' } }, good, duplicate],
      { partial: true },
    );
    expect(report).toMatchObject({ status: ImportRunStatus.COMPLETED, rowsRead: 9, created: 1, rejected: 7, skipped: 1 });
    const reasons = Object.fromEntries(report.rejections.map((rejection) => [rejection.line, rejection.reason]));
    expect(reasons).toEqual({
      [bad[0].line]: 'SIRET invalide : clé de contrôle (Luhn) fausse',
      [bad[1].line]: 'SIRET manquant',
      [bad[2].line]: 'Commune introuvable',
      [bad[3].line]: 'Raison sociale manquante',
      [bad[4].line]: 'Type de structure inconnu',
      999: 'Ligne illisible',
      [duplicate.line]: `Identifiant déjà lu ligne ${good.line} (doublon dans le fichier)`,
    });
    expect(report.skippedReasons).toEqual({ 'réseau hors périmètre': 1 });

    const stored = await loadReport(db, report.runId);
    expect(stored).toMatchObject({ status: ImportRunStatus.COMPLETED, rowsRead: 9, created: 1, rejected: 7, skipped: 1 });
    expect(stored.rejections).toHaveLength(7);
    expect(stored.rejections.find((rejection) => rejection.line === bad[2].line)).toEqual({
      line: bad[2].line,
      reason: 'Commune introuvable',
      value: '99999 99999 Nulle Part',
    });
  });

  it('holds imported text to the limits of edited text: an over-long name is rejected, a description cut, a contact left out', async () => {
    const longName = record({ sourceId: 'long-name', legalName: `Association ${'très '.repeat(20_000)}longue` });
    const longBrand = record({ sourceId: 'long-brand', brandName: 'B'.repeat(121) });
    const longAddress = record({ sourceId: 'long-address', address: { street: 'rue '.repeat(100), postalCode: '57000', communeCode: '57463', communeName: 'Metz' } });
    const longText = record({
      sourceId: 'long-text',
      description: `${'Entretien des espaces verts et nettoyage. '.repeat(200)}Fin.`,
      email: `${'x'.repeat(250)}@example.org`,
      website: 'https://example.org/structure',
    });
    const n = (value: number) => value.toLocaleString('fr-FR');
    const atLimit = record({ sourceId: 'at-limit', legalName: 'N'.repeat(200), description: 'é'.repeat(5_000) });
    const report = await importRows([longName, longBrand, longAddress, longText, atLimit], { partial: true });
    expect(report).toMatchObject({ status: ImportRunStatus.COMPLETED, rejected: 3, created: 2, warnings: 2 });
    expect(report.rejections).toEqual([
      { line: longName.line, reason: `Raison sociale trop longue : ${n(100_018)} caractères (200 au plus)`, value: expect.stringMatching(/^Association très très .{150,}…$/) },
      { line: longBrand.line, reason: 'Nom commercial trop long : 121 caractères (120 au plus)', value: 'B'.repeat(121) },
      { line: longAddress.line, reason: 'Adresse trop longue : 399 caractères (300 au plus)', value: expect.any(String) },
    ]);
    expect(report.rejections[0]!.value!.length).toBeLessThanOrEqual(200);
    expect(report.warningRows).toEqual([
      { line: longText.line, reason: `Présentation tronquée à ${n(5_000)} caractères (${n(8_404)} dans le fichier)` },
      { line: longText.line, reason: 'Adresse électronique trop longue (262 caractères, 254 au plus) : non reprise', value: `${'x'.repeat(199)}…` },
    ]);
    const cut = await supplierOf(SupplierSource.DATA_INCLUSION, 'long-text');
    expect(cut).toMatchObject({ email: null, website: 'https://example.org/structure' });
    expect([...cut!.description].length).toBeLessThanOrEqual(5_000);
    expect(cut!.description).toMatch(/nettoyage\.…$/);
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'long-name')).toBeUndefined();
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'at-limit')).toMatchObject({ legal_name: 'N'.repeat(200), description: 'é'.repeat(5_000) });

    const stored = await loadReport(db, report.runId);
    expect(stored).toMatchObject({ warnings: 2, warningRows: report.warningRows });
    expect(stored.rejections.find((rejection) => rejection.line === longName.line)!.reason).toBe(`Raison sociale trop longue : ${n(100_018)} caractères (200 au plus)`);
  });

  it('accepts and flags antenna SIRETs (SIREN + 999xx)', async () => {
    const antenna = `${makeSiret('72000001', '0001').slice(0, 9)}99901`;
    const report = await importRows([record({ sourceId: 'antenna-1', siret: antenna })], { partial: true });
    expect(report).toMatchObject({ created: 1, rejected: 0 });
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'antenna-1')).toMatchObject({ siret: antenna, siret_is_antenna: true });
  });

  it('places suppliers at the source position, else at the commune centre (flagged), resolving communes without INSEE code', async () => {
    const report = await importRows([
      record({ sourceId: 'pos-address', position: { latitude: 49.12, longitude: 6.17 } }),
      record({ sourceId: 'pos-none', position: null }),
      // Swapped axes: thousands of km from Metz.
      record({ sourceId: 'pos-swapped', position: { latitude: 6.17, longitude: 49.12 } }),
      record({ sourceId: 'pos-cedex', position: null, address: { street: 'BP 1', postalCode: '57036', communeCode: null, communeName: 'METZ CEDEX 1' } }),
      record({ sourceId: 'pos-paris', position: null, address: { street: null, postalCode: '75008', communeCode: null, communeName: 'Paris' } }),
      record({ sourceId: 'pos-insee-city', position: null, address: { street: null, postalCode: '69003', communeCode: '69123', communeName: 'Lyon' } }),
    ], { partial: true });
    expect(report).toMatchObject({ created: 6, rejected: 0, communeCentrePositions: 5 });
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'pos-address')).toMatchObject({ position_source: 'ADDRESS', latitude: 49.12, longitude: 6.17 });
    const [metz] = await db.query(`SELECT latitude, longitude FROM commune WHERE code = '57463'`);
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'pos-none')).toMatchObject({
      position_source: 'COMMUNE_CENTRE',
      latitude: metz.latitude,
      longitude: metz.longitude,
    });
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'pos-swapped')).toMatchObject({ position_source: 'COMMUNE_CENTRE' });
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'pos-cedex')).toMatchObject({ commune_code: '57463' });
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'pos-paris')).toMatchObject({ commune_code: '75108', municipality_code: '75056' });
    expect(await supplierOf(SupplierSource.DATA_INCLUSION, 'pos-insee-city')).toMatchObject({ commune_code: '69383', municipality_code: '69123' });
  });

  it('maps activities to categories, and reports the values it cannot map', async () => {
    const report = await importRows([
      record({ sourceId: 'cat-1', activities: ['Espaces verts', 'Mise sous pli', 'Fabrication de fusées'] }),
      record({ sourceId: 'cat-2', activities: ['ESPACES VERTS', 'Fabrication de fusées', 'Autre'] }),
    ], { partial: true });
    expect(report.unmappedActivities).toEqual({ 'Fabrication de fusées': 2 });
    const supplier = await supplierOf(SupplierSource.DATA_INCLUSION, 'cat-1');
    const categories = await db.query(
      `SELECT c.slug FROM supplier_category sc JOIN category c ON c.id = sc.category_id WHERE sc.supplier_id = $1 ORDER BY c.slug`,
      [supplier!.id],
    );
    expect(categories.map((row: { slug: string }) => row.slug)).toEqual(['entretien-espaces-verts', 'mise-sous-pli']);
    const [search] = await db.query(
      `SELECT cardinality(category_ids) AS categories FROM supplier_search WHERE supplier_id = $1`,
      [supplier!.id],
    );
    expect(search.categories).toBe(2);
    const [stored] = await db.query('SELECT unmapped_activities FROM import_run WHERE id = $1', [report.runId]);
    expect(stored.unmapped_activities).toEqual({ 'Fabrication de fusées': 2 });
  });

  it('writes nothing in a dry run, and still stores its report', async () => {
    const source = SupplierSource.MARCHE_INCLUSION;
    const options = { source, format: 'marche-inclusion', forceUnpublish: true };
    await importRows([record({ sourceId: 'dry-gone' }, source)], { ...options, partial: true });
    const before = await rowVersions();
    const report = await importRows([record({ sourceId: 'dry-1' }, source), record({ sourceId: 'dry-2', siret: '1' }, source)], {
      ...options,
      dryRun: true,
    });
    expect(report).toMatchObject({ status: ImportRunStatus.COMPLETED, dryRun: true, created: 1, rejected: 1 });
    // A full dry run also counts what it would unpublish.
    expect(report.unpublished).toBeGreaterThan(0);
    expect(await rowVersions()).toBe(before);
    expect(await loadReport(db, report.runId)).toMatchObject({ dryRun: true, created: 1, rejected: 1, unpublished: report.unpublished });
  });

  it('unpublishes nothing when a full file lacks most of its source, unless told to', async () => {
    const source = SupplierSource.SUPPLIER;
    const options = { source, format: 'generic', partial: false };
    const rows = Array.from({ length: 25 }, (_, index) => record({ sourceId: `mass-${index}` }, source));
    expect(await importRows(rows, options)).toMatchObject({ status: ImportRunStatus.COMPLETED, created: 25 });

    const truncated = await importRows(rows.slice(0, 3), options);
    expect(truncated).toMatchObject({ status: ImportRunStatus.FAILED, unchanged: 3, unpublished: 0 });
    expect(truncated.error).toMatch(/sans 22 des 25 structures.*--force-unpublish/);
    expect(await supplierOf(source, 'mass-24')).toMatchObject({ published: true });

    expect(await importRows(rows.slice(0, 3), { ...options, forceUnpublish: true })).toMatchObject({
      status: ImportRunStatus.COMPLETED,
      unpublished: 22,
    });
    expect(await supplierOf(source, 'mass-24')).toMatchObject({ published: false });
  });

  it('stops after the batch in progress when aborted, keeping what it committed', async () => {
    const controller = new AbortController();
    const rows = Array.from({ length: 30 }, (_, index) => record({ sourceId: `abort-${index}` }));
    async function* slowReader(): AsyncIterable<ReadResult> {
      for (const [index, row] of rows.entries()) {
        if (index === 12) controller.abort();
        yield { record: row };
      }
    }
    const report = await runImport(db, slowReader(), {
      source: SupplierSource.DATA_INCLUSION,
      format: 'data-inclusion-csv',
      file: 'abort.csv',
      partial: false,
      dryRun: false,
      batchSize: 5,
      signal: controller.signal,
    });
    expect(report.status).toBe(ImportRunStatus.FAILED);
    expect(report.error).toMatch(/Interrompu/);
    const stored = await loadReport(db, report.runId);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM supplier_source_record WHERE source_id LIKE 'abort-%'`,
    );
    expect(stored.created).toBe(count);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(30);
    // An interrupted full run unpublishes nothing.
    expect(stored.unpublished).toBe(0);
  });
});
