import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config/config.js';
import { COMPACT_HEADER, encodeCompactCentres, parseCompactCentres, readCentresFile, type CentreEntry } from './commune-centres.js';

const shippedFile = loadConfig({}).communeCentresPath;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'centres-'));
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function fileWith(name: string, text: string): Promise<string> {
  const file = path.join(tmp, name);
  await writeFile(file, text);
  return file;
}

describe('the shipped centres file', () => {
  it('is the default, inside the repository, and small', async () => {
    expect(path.relative(path.resolve(import.meta.dirname, '../../..'), shippedFile)).toBe(path.join('data', 'commune-centres.csv'));
    expect((await stat(shippedFile)).size).toBeLessThan(1_000_000);
  });

  it('places every French commune inside its own box, Metz and the overseas where they are', async () => {
    const file = await readCentresFile(shippedFile);
    if (!file.ok) throw new Error(file.message);
    expect(file.entries.size).toBeGreaterThan(34_900);
    for (const [code, { center, bbox }] of file.entries) {
      const [lon, lat] = center;
      const inside = bbox![0] <= lon && lon <= bbox![2] && bbox![1] <= lat && lat <= bbox![3];
      if (!inside) throw new Error(`${code}: centre ${center} outside ${bbox}`);
    }
    const metz = file.entries.get('57463')!;
    expect(metz.center[0]).toBeCloseTo(6.18, 1);
    expect(metz.center[1]).toBeCloseTo(49.1, 1);
    expect(file.entries.get('2A004')!.center[1]).toBeCloseTo(41.9, 0); // Ajaccio
    expect(file.entries.get('97411')!.center[1]).toBeLessThan(-20); // Saint-Denis, La Réunion
    expect(file.entries.get('75108')).toBeDefined(); // Paris 8e
  });
});

describe('compact format', () => {
  const sample = new Map<string, CentreEntry>([
    ['57463', { center: [6.196, 49.107], bbox: [6.137, 49.062, 6.256, 49.151] }],
    ['2A004', { center: [8.7, 41.928], bbox: [8.583, 41.871, 8.818, 41.986] }],
    ['97101', { center: [-61.491, 16.26], bbox: [-61.535, 16.207, -61.447, 16.313] }],
    ['01001', { center: [4.931, 46.152], bbox: null }],
  ]);

  it('reads back what it wrote, asymmetric boxes and negative longitudes included', () => {
    const text = encodeCompactCentres(sample);
    expect(text.split('\n')[0]).toBe(COMPACT_HEADER);
    const read = parseCompactCentres(text);
    if (!read.ok) throw new Error(read.message);
    expect([...read.entries.keys()]).toEqual(['01001', '2A004', '57463', '97101']);
    for (const [code, entry] of sample) {
      const back = read.entries.get(code)!;
      expect(back.center).toEqual(entry.center);
      (entry.bbox ?? [...entry.center, ...entry.center]).forEach((value, index) => expect(back.bbox![index]).toBeCloseTo(value, 9));
    }
  });

  it('refuses a file with a bad header or a bad line, saying which', async () => {
    expect(await readCentresFile(await fileWith('no-header.csv', '57463,6196,49107,59,45\n'))).toMatchObject({ ok: false, message: expect.stringContaining('first line') });
    const badLine = `${COMPACT_HEADER}\n57463,6196,49107,59,45\n57000,abc,1,1,1\n`;
    expect(await readCentresFile(await fileWith('bad-line.csv', badLine))).toMatchObject({ ok: false, message: expect.stringContaining('line 3') });
    const offGlobe = `${COMPACT_HEADER}\n57463,6196,99107,59,45\n`;
    expect(await readCentresFile(await fileWith('off.csv', offGlobe))).toMatchObject({ ok: false, message: expect.stringContaining('off the globe') });
    expect(await readCentresFile(await fileWith('empty.csv', `${COMPACT_HEADER}\n`))).toMatchObject({ ok: false, message: expect.stringContaining('no usable centre') });
    expect(await readCentresFile(path.join(tmp, 'missing.csv'))).toMatchObject({ ok: false, message: expect.stringContaining('file not found') });
  });

  it('still reads the source JSON, which COMMUNE_CENTRES_PATH may name', async () => {
    const json = JSON.stringify({ '57463': { center: [6.196, 49.107], bbox: [6.137, 49.062, 6.256, 49.151], nom: 'Metz' }, broken: { nom: 'x' } });
    const read = await readCentresFile(await fileWith('centres.json', json));
    if (!read.ok) throw new Error(read.message);
    expect([...read.entries.keys()]).toEqual(['57463']);
    expect(await readCentresFile(await fileWith('bad.json', '{ nope'))).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') });
  });
});
