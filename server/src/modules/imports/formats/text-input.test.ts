import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormatError } from './format-error.js';
import { inspectText, openSourceText } from './text-input.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'text-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

async function textOf(file: string): Promise<string> {
  let text = '';
  for await (const chunk of await openSourceText(file, { acceptReplacementCharacters: true })) text += chunk as string;
  return text;
}

describe('source text files', () => {
  it('detects UTF-8 (with or without BOM) and Windows-1252, and decodes each', async () => {
    const text = 'nom;ville\nCafé « Les Œillets » — l’atelier;Besançon\n';
    const utf8 = await write('utf8.csv', Buffer.from(text, 'utf8'));
    const bom = await write('bom.csv', Buffer.from(`\ufeff${text}`, 'utf8'));
    const windows1252 = await write('1252.csv', iconv.encode(text, 'windows-1252'));
    expect((await inspectText(utf8)).encoding).toBe('utf-8');
    expect((await inspectText(bom)).encoding).toBe('utf-8');
    expect((await inspectText(windows1252)).encoding).toBe('windows-1252');
    for (const file of [utf8, bom, windows1252]) expect(await textOf(file)).toBe(text);
  });

  it('counts replacement characters and their lines across read chunks, the first five listed', async () => {
    // Lines of 100 bytes: 12 000 of them span several 1 MiB chunks.
    const lines = Array.from({ length: 12_000 }, (_, index) => (index % 1_000 === 999 ? `r\ufffd${'x'.repeat(96)}` : 'y'.repeat(99)));
    const file = await write('many.csv', Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
    expect(await inspectText(file)).toEqual({
      encoding: 'utf-8',
      replacementCharacters: 12,
      linesWithReplacements: 12,
      replacementLines: [1_000, 2_000, 3_000, 4_000, 5_000],
    });
    await expect(openSourceText(file)).rejects.toThrow(FormatError);
    await expect(openSourceText(file)).rejects.toThrow(/12 caractères de remplacement .* lignes 1000, 2000, 3000, 4000, 5000 et 7 autres \(fichier lu en UTF-8\)/);
  });
});
