import { readdirSync, readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isWholeImage, sniffImageType } from './logo-image.js';

/** What logo uploads accept: whole PNG, JPEG and WebP files, nothing more, nothing less. */

const folder = new URL('./test-images/', import.meta.url);
/** Made with ImageMagick and cwebp: PNG (RGBA; interlaced palette), JPEG (baseline; progressive), WebP (lossy; lossless; with alpha). */
const images = readdirSync(folder).map((name) => ({ name, content: readFileSync(new URL(name, folder)) }));
const image = (name: string) => images.find((entry) => entry.name === name)!.content;

async function accepted(content: Buffer): Promise<boolean> {
  const type = sniffImageType(content);
  return type !== null && (await isWholeImage(content, type));
}

/** A PNG chunk with its length and checksum. */
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 2 × 2 grey PNG whose pixel data inflates to `raw`. */
function grayPng(raw: Buffer): Buffer {
  const header = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');

describe('sniffImageType', () => {
  it('reads the magic bytes, never the name or the header', () => {
    expect(sniffImageType(image('logo.png'))).toBe('image/png');
    expect(sniffImageType(image('logo.jpg'))).toBe('image/jpeg');
    expect(sniffImageType(image('logo.webp'))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
  });
});

describe('isWholeImage', () => {
  it('accepts every fixture: PNG RGBA and interlaced palette, JPEG baseline and progressive, WebP lossy, lossless and with alpha', async () => {
    expect(images.length).toBe(7);
    for (const { name, content } of images) expect(await accepted(content), name).toBe(true);
  });

  it('accepts a PNG built here whose rows are exactly what its header says', async () => {
    expect(await accepted(grayPng(Buffer.from([0, 10, 20, 1, 30, 40])))).toBe(true);
  });

  it('refuses a known header followed by HTML', async () => {
    const pngHeader = image('logo.png').subarray(0, 33);
    expect(await accepted(Buffer.concat([pngHeader, HTML]))).toBe(false);
    expect(await accepted(Buffer.concat([image('logo.jpg').subarray(0, 20), HTML]))).toBe(false);
    expect(await accepted(Buffer.concat([Buffer.from('RIFF\x50\0\0\0WEBPVP8 ', 'latin1'), HTML]))).toBe(false);
  });

  it('refuses anything after the end of a whole image (a polyglot file)', async () => {
    for (const { name, content } of images) expect(await accepted(Buffer.concat([content, HTML])), name).toBe(false);
  });

  it('refuses truncated files and a flipped byte', async () => {
    for (const { name, content } of images) {
      expect(await accepted(content.subarray(0, content.length - 3)), `${name} truncated`).toBe(false);
    }
    const png = Buffer.from(image('logo.png'));
    png[40] ^= 0xff;
    expect(await accepted(png), 'PNG checksum').toBe(false);
    const webp = Buffer.from(image('logo.webp'));
    webp.writeUInt32LE(webp.readUInt32LE(16) + 2, 16);
    expect(await accepted(webp), 'WebP chunk size').toBe(false);
  });

  it('refuses PNG pixel data of the wrong size or with an unknown row filter', async () => {
    expect(await accepted(grayPng(Buffer.from([0, 10, 20, 1, 30])))).toBe(false);
    expect(await accepted(grayPng(Buffer.from([0, 10, 20, 1, 30, 40, 0])))).toBe(false);
    expect(await accepted(grayPng(Buffer.from([0, 10, 20, 9, 30, 40])))).toBe(false);
    expect(await accepted(grayPng(Buffer.from('not deflated')))).toBe(false);
  });

  it('refuses a JPEG without a frame or a scan', async () => {
    expect(await accepted(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBe(false);
    expect(await accepted(Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x04, 0x41, 0x42, 0xff, 0xd9]))).toBe(false);
  });
});
