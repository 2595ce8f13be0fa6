/**
 * Reading text files whose encoding is not stated: UTF-8 (with or without BOM) or
 * Windows-1252 (a superset of ISO-8859-1 for printable characters, which is what FINESS
 * extracts and French spreadsheets saved as "CSV (séparateur: point-virgule)" use).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * 'utf-8' when the whole file is valid UTF-8, else 'windows-1252'. Streams the file once
 * (constant memory) and stops at the first invalid sequence. Latin-1 text with accents is
 * almost never valid UTF-8 ("é" is the lone byte 0xE9), so the test is safe in practice.
 */
export async function detectEncoding(path: string): Promise<TextEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch (error) {
    if (error instanceof TypeError) return 'windows-1252';
    throw error;
  } finally {
    stream.destroy();
  }
}

/** The file as a stream of strings in `encoding`, without a leading BOM. */
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
