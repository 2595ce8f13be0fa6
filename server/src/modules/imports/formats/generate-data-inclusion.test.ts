import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidSiret } from '../../suppliers/siret.js';
import { SupplierSource } from '../../suppliers/supplier-source.js';
import { collectResults } from './collect-results.js';
import { dataInclusionCsvReader } from './data-inclusion.js';
import { detectFormat } from './detect-format.js';
import { generateDataInclusionCsv, type GeneratorCommune } from './generate-data-inclusion.js';

const COMMUNES: GeneratorCommune[] = [
  { code: '57463', name: 'Metz', postalCode: '57000', latitude: 49.1193, longitude: 6.1757 },
  { code: '69383', name: 'Lyon 3e Arrondissement', postalCode: '69003', latitude: 45.7597, longitude: 4.8422 },
  { code: '2A004', name: 'Ajaccio', postalCode: '20000', latitude: null, longitude: null },
  { code: '97411', name: 'Saint-Denis', postalCode: '97400', latitude: -20.8823, longitude: 55.4504 },
];

describe('generateDataInclusionCsv', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'generate-di-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a file the data·inclusion reader reads back whole', async () => {
    const file = path.join(dir, 'structures.csv');
    await generateDataInclusionCsv({ path: file, rows: 50, communes: COMMUNES, seed: 7 });
    expect(await detectFormat(file)).toBe('data-inclusion-csv');

    const { records, rejected, skipped } = await collectResults(dataInclusionCsvReader.read(file, {}));
    expect(rejected).toEqual([]);
    expect(skipped).toEqual([]);
    expect(records).toHaveLength(50);
    expect(new Set(records.map((record) => record.sourceId)).size).toBe(50);
    for (const record of records) {
      expect(record.source).toBe(SupplierSource.DATA_INCLUSION);
      expect(record.siret === '' || isValidSiret(record.siret)).toBe(true);
      expect(COMMUNES.map((commune) => commune.code)).toContain(record.address.communeCode);
      expect(record.legalName.length).toBeGreaterThan(3);
      expect(record.sourceUpdatedAt).toBeInstanceOf(Date);
    }
    expect(new Set(records.filter((record) => record.siret !== '').map((record) => record.siret)).size).toBe(
      records.filter((record) => record.siret !== '').length,
    );
    // Line numbers follow the file, multi-line descriptions included: the last record ends the file.
    const text = await readFile(file, 'utf8');
    expect(records.at(-1)!.line + (records.at(-1)!.description!.split('\n').length - 1)).toBe(text.trimEnd().split('\n').length);
  });

  it('is deterministic, and can mix in structures the reader skips', async () => {
    const a = path.join(dir, 'a.csv');
    const b = path.join(dir, 'b.csv');
    await generateDataInclusionCsv({ path: a, rows: 200, communes: COMMUNES, outOfScopeShare: 0.25 });
    await generateDataInclusionCsv({ path: b, rows: 200, communes: COMMUNES, outOfScopeShare: 0.25 });
    expect(await readFile(a, 'utf8')).toBe(await readFile(b, 'utf8'));
    const { records, skipped } = await collectResults(dataInclusionCsvReader.read(a, {}));
    expect(records.length + skipped.length).toBe(200);
    expect(skipped.length).toBeGreaterThan(20);
    expect(skipped.every((row) => row.reason === 'réseau hors périmètre')).toBe(true);
  });
});
