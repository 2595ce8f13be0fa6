/**
 * Reading text files whose encoding is not stated: UTF-8 (with or without BOM) or
 * Windows-1252 (a superset of ISO-8859-1 for printable characters, which is what FINESS
 * extracts and French spreadsheets saved as "CSV (séparateur: point-virgule)" use).
 * Every text reader opens its file with `openSourceText`: one detection for all formats.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { FormatError } from './format-error.js';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** What decoding a whole text file found. */
export interface TextInspection {
  encoding: TextEncoding;
  /**
   * U+FFFD replacement characters in the decoded text: text already lost when the file was
   * written (a bad conversion upstream), or bytes Windows-1252 does not define.
   */
  replacementCharacters: number;
  /** Lines (physical lines of the file) that hold one. */
  linesWithReplacements: number;
  /** The first of them (1-based), at most REPLACEMENT_LINES_LISTED. */
  replacementLines: number[];
}

const REPLACEMENT_LINES_LISTED = 5;
const REPLACEMENT = '\ufffd';

/**
 * The encoding of a file — 'utf-8' when the whole file is valid UTF-8, else
 * 'windows-1252' — and the replacement characters of its decoded text. Streams the file
 * (constant memory): once when it is UTF-8; else up to its first invalid sequence, then
 * once more as Windows-1252. Latin-1 text with accents is almost never valid UTF-8 ("é" is
 * the lone byte 0xE9), so the test is safe in practice.
 */
export async function inspectText(path: string): Promise<TextInspection> {
  return (await scanDecoded(path, 'utf-8')) ?? (await scanDecoded(path, 'windows-1252'))!;
}

/** Decodes the whole file, counting replacement characters; null when it is not valid UTF-8 (for 'utf-8'). */
async function scanDecoded(path: string, encoding: TextEncoding): Promise<TextInspection | null> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const windows1252 = iconv.getDecoder('windows-1252');
  const decode = (chunk?: Buffer): string =>
    encoding === 'utf-8' ? (chunk ? utf8.decode(chunk, { stream: true }) : utf8.decode()) : (chunk ? windows1252.write(chunk) : (windows1252.end() ?? ''));
  const found: TextInspection = { encoding, replacementCharacters: 0, linesWithReplacements: 0, replacementLines: [] };
  let line = 1;
  let lastLine = 0;
  const newlines = (text: string, from: number, to: number) => {
    let count = 0;
    for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
    return count;
  };
  const scan = (text: string) => {
    let from = 0;
    for (let at = text.indexOf(REPLACEMENT); at !== -1; at = text.indexOf(REPLACEMENT, at + 1)) {
      line += newlines(text, from, at);
      from = at;
      found.replacementCharacters += 1;
      if (line !== lastLine) {
        lastLine = line;
        found.linesWithReplacements += 1;
        if (found.replacementLines.length < REPLACEMENT_LINES_LISTED) found.replacementLines.push(line);
      }
    }
    line += newlines(text, from, text.length);
  };
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) scan(decode(chunk as Buffer));
    scan(decode());
    return found;
  } catch (error) {
    if (encoding === 'utf-8' && error instanceof TypeError) return null;
    throw error;
  } finally {
    stream.destroy();
  }
}

/** Options of `openSourceText` (the readers pass theirs on: see ReaderOptions). */
export interface SourceTextOptions {
  /** Read the file even though its decoded text holds replacement characters. */
  acceptReplacementCharacters?: boolean;
  /** Told (in French) when such a file is read anyway. */
  onWarning?: (message: string) => void;
}

/**
 * The text of a source file, decoded in its detected encoding, without BOM. A file whose
 * decoded text holds U+FFFD replacement characters has lost text (accents most often) and
 * is refused with a FormatError saying where, unless `acceptReplacementCharacters`.
 */
export async function openSourceText(path: string, options: SourceTextOptions = {}): Promise<Readable> {
  const inspection = await inspectText(path);
  const count = inspection.replacementCharacters;
  if (count > 0) {
    const lines = inspection.linesWithReplacements;
    const others = lines - inspection.replacementLines.length;
    const where = `${count.toLocaleString('fr-FR')} caractère${count > 1 ? 's' : ''} de remplacement « \ufffd » ` +
      `(texte perdu, des accents le plus souvent), ligne${lines > 1 ? 's' : ''} ${inspection.replacementLines.join(', ')}` +
      `${others > 0 ? ` et ${others.toLocaleString('fr-FR')} autre${others > 1 ? 's' : ''}` : ''} ` +
      `(fichier lu en ${inspection.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'})`;
    if (!options.acceptReplacementCharacters) {
      throw new FormatError(
        `Fichier refusé : ${where}. Le fichier a sans doute été mal converti avant d'arriver ici : ` +
          'demandez-en une copie intacte à la source, ou réenregistrez-le en UTF-8 depuis l\'original. ' +
          'Pour l\'importer tel quel (ces caractères seront publiés), relancez avec --accept-replacement-characters.',
      );
    }
    options.onWarning?.(`Importé avec ${where} (--accept-replacement-characters).`);
  }
  return openText(path, inspection.encoding);
}

/** The file as a stream of strings in `encoding`, without a leading BOM (readers use openSourceText). */
export function openText(path: string, encoding: TextEncoding): Readable {
  const file = createReadStream(path, { highWaterMark: 1 << 16 });
  const decoded: Readable = encoding === 'utf-8' ? file.setEncoding('utf8') : (file.pipe(iconv.decodeStream('windows-1252')) as unknown as Readable);
  if (decoded !== file) file.on('error', (error) => decoded.destroy(error));
  let first = true;
  const withoutBom = new Transform({
    decodeStrings: false,
    readableObjectMode: true,
    transform(chunk: string, _encoding, callback) {
      if (first) {
        first = false;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      callback(null, chunk);
    },
  });
  decoded.on('error', (error) => withoutBom.destroy(error));
  return decoded.pipe(withoutBom);
}

/** The first `bytes` bytes of a file (fewer when the file is shorter). */
export async function readHead(path: string, bytes = 64 * 1024): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * A file's head as text: UTF-8 when valid (a multi-byte character cut at the end of the
 * head is tolerated), else Windows-1252; BOM removed.
 */
export function headText(head: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(head));
  } catch {
    text = iconv.decode(head, 'windows-1252');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The first line of a file's head, decoded as headText does, without its line break. */
export function firstLineOf(head: Buffer): string {
  const end = head.indexOf(0x0a);
  const text = headText(end === -1 ? head : head.subarray(0, end));
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** Drops an incomplete UTF-8 sequence at the end of `bytes` (a head cut in the middle of a character). */
function trimPartialUtf8(bytes: Buffer): Buffer {
  let i = bytes.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (bytes[i]! & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return bytes;
  const lead = bytes[i]!;
  const expected = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  return expected > continuation ? bytes.subarray(0, i) : bytes;
}
