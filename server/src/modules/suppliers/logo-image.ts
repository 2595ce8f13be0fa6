import { crc32, createInflate } from 'node:zlib';

/** The image types a logo may have: never SVG (it can carry script). */
export type LogoMediaType = 'image/png' | 'image/jpeg' | 'image/webp';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type from the first bytes, whatever the request claims: PNG, JPEG or WebP, else null. */
export function sniffImageType(content: Buffer): LogoMediaType | null {
  if (content.length >= 8 && content.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.length >= 12 && content.toString('latin1', 0, 4) === 'RIFF' && content.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Whether the whole file is an image of that type, to its last byte: a PNG's chunks with
 * their checksums through IEND and its pixel data inflated to the size its header gives, a
 * JPEG's segments and scans through EOI, a WebP's RIFF chunks and frame headers. A known
 * header followed by anything else (HTML, a script, another file) is refused. The pixels
 * themselves are not decoded (no image library is installed); the structure is.
 */
export async function isWholeImage(content: Buffer, mediaType: LogoMediaType): Promise<boolean> {
  try {
    if (mediaType === 'image/png') return await isWholePng(content);
    if (mediaType === 'image/jpeg') return isWholeJpeg(content);
    return isWholeWebp(content);
  } catch {
    // A read past the end (RangeError) or a zlib failure: not a whole image.
    return false;
  }
}

/** Channels per pixel of each PNG colour type, and the bit depths it allows. */
const PNG_COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/** Adam7 passes: first column and row, then steps. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

async function isWholePng(content: Buffer): Promise<boolean> {
  let offset = PNG_SIGNATURE.length;
  let header: PngHeader | null = null;
  let paletteMissing = false;
  const idat: Buffer[] = [];
  let idatEnded = false;
  for (;;) {
    const length = content.readUInt32BE(offset);
    const type = content.toString('latin1', offset + 4, offset + 8);
    const dataEnd = offset + 8 + length;
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type) || dataEnd + 4 > content.length) return false;
    if (crc32(content.subarray(offset + 4, dataEnd)) !== content.readUInt32BE(dataEnd)) return false;
    const data = content.subarray(offset + 8, dataEnd);
    offset = dataEnd + 4;
    if (!header) {
      header = type === 'IHDR' && length === 13 ? pngHeader(data) : null;
      if (!header) return false;
      paletteMissing = data[9] === 3;
    } else if (type === 'IEND') {
      return length === 0 && offset === content.length && !paletteMissing && idat.length > 0 && (await inflatesToRows(idat, pngRows(header)));
    } else if (type === 'IDAT') {
      if (idatEnded) return false;
      idat.push(data);
    } else if (type === 'PLTE') {
      if (idat.length > 0 || length === 0 || length % 3 !== 0 || length > 768) return false;
      paletteMissing = false;
    } else if (type.charCodeAt(0) < 0x61) {
      // Another critical chunk (upper-case first letter: a second IHDR, one no decoder knows).
      return false;
    } else {
      idatEnded = idat.length > 0;
    }
  }
}

interface PngHeader {
  width: number;
  height: number;
  bitsPerPixel: number;
  interlaced: boolean;
}

/** IHDR's fields, when they describe an image (known colour type and depth, methods 0, interlace 0 or 1). */
function pngHeader(data: Buffer): PngHeader | null {
  const width = data.readUInt32BE(0);
  const height = data.readUInt32BE(4);
  const [depth, colourType, compression, filter, interlace] = data.subarray(8, 13);
  const colour = PNG_COLOUR_TYPES[colourType];
  if (!colour || !colour.depths.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1) return null;
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return null;
  return { width, height, bitsPerPixel: colour.channels * depth, interlaced: interlace === 1 };
}

/** Byte length of each filtered row of a PNG, pass by pass when interlaced (the filter byte included). */
function pngRows(header: PngHeader): { bytes: number; count: number }[] {
  const rowBytes = (width: number) => 1 + Math.ceil((width * header.bitsPerPixel) / 8);
  if (!header.interlaced) return [{ bytes: rowBytes(header.width), count: header.height }];
  return ADAM7.map(([x, y, stepX, stepY]) => ({
    bytes: rowBytes(Math.ceil(Math.max(0, header.width - x) / stepX)),
    count: header.width > x ? Math.ceil(Math.max(0, header.height - y) / stepY) : 0,
  })).filter((pass) => pass.count > 0 && pass.bytes > 1);
}

/**
 * Inflates the pixel data as a stream (never all of it in memory), checking that every row
 * starts with a known filter (0 to 4) and that it ends exactly after the last row.
 */
async function inflatesToRows(parts: Buffer[], rows: { bytes: number; count: number }[]): Promise<boolean> {
  const inflate = createInflate();
  const writing = (async () => {
    for (const part of parts) if (!inflate.write(part)) await new Promise((resolve) => inflate.once('drain', resolve));
    inflate.end();
  })();
  let pass = 0;
  let rowsLeft = rows[0]?.count ?? 0;
  let bytesLeftInRow = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      for (let index = 0; index < chunk.length; ) {
        if (bytesLeftInRow === 0) {
          if (rowsLeft === 0) {
            pass += 1;
            if (pass >= rows.length) return false;
            rowsLeft = rows[pass].count;
          }
          if (chunk[index] > 4) return false;
          bytesLeftInRow = rows[pass].bytes;
          rowsLeft -= 1;
        }
        const taken = Math.min(bytesLeftInRow, chunk.length - index);
        bytesLeftInRow -= taken;
        index += taken;
      }
    }
    await writing;
  } finally {
    inflate.destroy();
  }
  return bytesLeftInRow === 0 && rowsLeft === 0 && pass === rows.length - 1;
}

/** Start-of-frame markers (the frame's size and components), whatever the coding. */
const JPEG_FRAMES = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function isWholeJpeg(content: Buffer): boolean {
  let offset = 2;
  let frame = false;
  let scans = 0;
  for (;;) {
    if (content[offset] !== 0xff) return false;
    while (content[offset] === 0xff) offset += 1;
    const marker = content[offset];
    offset += 1;
    if (marker === 0xd9) return offset === content.length && frame && scans > 0;
    // A second SOI, a stuffed byte or a restart marker out of a scan, or the end of the file.
    if (marker === undefined || marker === 0xd8 || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) return false;
    const length = content.readUInt16BE(offset);
    const segment = content.subarray(offset + 2, offset + length);
    if (length < 2 || segment.length !== length - 2) return false;
    offset += length;
    if (JPEG_FRAMES.has(marker)) {
      // Precision, height, width, then 3 bytes per component.
      const components = segment[5];
      if (frame || segment.length !== 6 + 3 * components || components < 1 || components > 4) return false;
      if (segment.readUInt16BE(1) === 0 || segment.readUInt16BE(3) === 0) return false;
      frame = true;
    } else if (marker === 0xda) {
      // Components, 2 bytes each, then 3 bytes of spectral selection; the entropy-coded data follows.
      const components = segment[0];
      if (!frame || segment.length !== 4 + 2 * components || components < 1 || components > 4) return false;
      scans += 1;
      offset = endOfEntropyCodedData(content, offset);
      if (offset < 0) return false;
    }
  }
}

/** After a scan header: where the next marker starts (0xFF not followed by 0x00 or a restart marker), or -1. */
function endOfEntropyCodedData(content: Buffer, from: number): number {
  for (let index = content.indexOf(0xff, from); index !== -1 && index + 1 < content.length; index = content.indexOf(0xff, index + 1)) {
    const next = content[index + 1];
    if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return index;
  }
  return -1;
}

function isWholeWebp(content: Buffer): boolean {
  if (content.readUInt32LE(4) + 8 !== content.length) return false;
  let offset = 12;
  let frames = 0;
  let extended = false;
  while (offset < content.length) {
    const type = content.toString('latin1', offset, offset + 4);
    const length = content.readUInt32LE(offset + 4);
    const data = content.subarray(offset + 8, offset + 8 + length);
    if (data.length !== length) return false;
    if (offset === 12) {
      if (type === 'VP8X') {
        if (length !== 10) return false;
        extended = true;
      } else if (type !== 'VP8 ' && type !== 'VP8L') {
        return false;
      }
    }
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') {
      if (type === 'VP8 ' && !isVp8Frame(data)) return false;
      if (type === 'VP8L' && !isVp8lFrame(data)) return false;
      frames += 1;
    }
    // Chunks are padded to an even length.
    offset += 8 + length + (length % 2);
  }
  // A simple file is one frame chunk; an extended one (VP8X) holds at least one frame.
  return offset === content.length && (extended ? frames > 0 : frames === 1);
}

/** A VP8 key frame: its tag, start code and a size. */
function isVp8Frame(data: Buffer): boolean {
  return (
    data.length >= 10 &&
    (data[0] & 1) === 0 &&
    data[3] === 0x9d &&
    data[4] === 0x01 &&
    data[5] === 0x2a &&
    (data.readUInt16LE(6) & 0x3fff) > 0 &&
    (data.readUInt16LE(8) & 0x3fff) > 0
  );
}

/** A VP8L (lossless) frame: its signature and version 0. */
function isVp8lFrame(data: Buffer): boolean {
  return data.length >= 5 && data[0] === 0x2f && data[4] >> 5 === 0;
}
