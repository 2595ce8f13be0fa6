import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormatError } from './format-error.js';
import { detectFormat, IMPORT_FORMATS, readerFor } from './index.js';
import { fixturePath } from '../test-records.js';


describe('detectFormat', () => {
  it.each([
    ['finess-esat.csv', 'finess'],
    ['data-inclusion-structures.csv', 'data-inclusion-csv'],
    ['data-inclusion-structures-v0.csv', 'data-inclusion-csv'],
    ['data-inclusion-structures.json', 'data-inclusion-json'],
    ['marche-inclusion-siae.json', 'marche-inclusion'],
    ['emplois-inclusion-siaes.json', 'emplois-inclusion'],
    ['generic-structures.csv', 'generic'],
  ])('knows %s as %s', async (name, format) => {
    expect(await detectFormat(fixturePath(name))).toBe(format);
  });

  it('gives a reader of the same format for every value', () => {
    for (const format of IMPORT_FORMATS) expect(readerFor(format).format).toBe(format);
  });

  describe('on other files', () => {
    let dir: string;
    const write = async (name: string, content: string | Buffer) => {
      const file = path.join(dir, name);
      await writeFile(file, content);
      return file;
    };
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'detect-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('knows an XLSX, a FINESS extract without its header line and JSON without extension', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('A').addRow(['Nom', 'Type']);
      const xlsx = path.join(dir, 'liste.xlsx');
      await workbook.xlsx.writeFile(xlsx);
      expect(await detectFormat(xlsx)).toBe('generic');
      expect(await detectFormat(await write('extract.txt', 'structureet;570012345;570098765;ESAT;\n'))).toBe('finess');
      expect(await detectFormat(await write('dump', '{"count":1,"next":null,"previous":null,"results":[{"siret":"1","type":"EI","raison_sociale":"X"}]}'))).toBe(
        'emplois-inclusion',
      );
      expect(await detectFormat(await write('marche.jsonl', '{"id":1,"name":"X","kind":"EI","sectors":[]}\n'))).toBe('marche-inclusion');
    });

    it('refuses what it cannot recognise, listing the --format values', async () => {
      const message = `Précisez-le avec --format parmi : ${IMPORT_FORMATS.join(', ')}.`;
      await expect(detectFormat(await write('empty.csv', ''))).rejects.toThrow(FormatError);
      await expect(detectFormat(await write('empty.csv', ''))).rejects.toThrow(message);
      await expect(detectFormat(await write('unknown.json', '[{"foo": 1, "bar": 2}]'))).rejects.toThrow(/clés du premier objet : foo, bar/);
      await expect(detectFormat(await write('broken.json', '[{"foo": '))).rejects.toThrow(message);
      await expect(detectFormat(await write('old.xls', 'x'))).rejects.toThrow(/enregistrez-le en \.xlsx ou en CSV/);
      await expect(detectFormat(await write('archive.zip', Buffer.from([0x50, 0x4b, 3, 4, 0, 0])))).rejects.toThrow(message);
      await expect(detectFormat(await write('image.bin', Buffer.from([1, 0, 2, 0, 3])))).rejects.toThrow(/fichier binaire/);
    });
  });
});
