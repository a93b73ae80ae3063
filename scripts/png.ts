import { deflateSync, inflateSync } from 'node:zlib';

// The icons are screenshots, and Chromium writes PNGs for speed, not size: the same pixels written again
// without row filters and at zlib's best level took 1,455 B (27%) off the four icons, which the Chrome
// zip's 200 KB budget counts as they are (a PNG does not compress again). Only 8-bit RGBA and RGB images,
// not interlaced, which is what the screenshots are; anything else is refused rather than guessed at.

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

export interface Pixels {
  width: number;
  height: number;
  /** 4 (RGBA) or 3 (RGB) bytes per pixel. */
  channels: 3 | 4;
  /** Rows top to bottom, unfiltered. */
  data: Buffer;
}

interface Chunk {
  type: string;
  body: Buffer;
}

function chunks(png: Buffer): Chunk[] {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('Not a PNG file (its signature is wrong)');
  const out: Chunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    out.push({ type, body: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const toLeft = Math.abs(p - left);
  const toUp = Math.abs(p - up);
  const toUpLeft = Math.abs(p - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** The image's pixels, whatever row filters it was written with. */
export function decodePng(png: Buffer): Pixels {
  const all = chunks(png);
  const header = all.find((chunk) => chunk.type === 'IHDR')?.body;
  if (!header) throw new Error('PNG without a header chunk');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colour, , , interlace] = header.subarray(8, 13);
  const channels = colour === 6 ? 4 : colour === 2 ? 3 : null;
  if (depth !== 8 || channels === null || interlace !== 0) {
    throw new Error(`Unsupported PNG: bit depth ${depth}, colour type ${colour}, interlace ${interlace}`);
  }
  const filtered = inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.body)));
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = filtered[y * (stride + 1)];
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = filtered[y * (stride + 1) + 1 + x] as number;
      const left = x >= channels ? (data[row + x - channels] as number) : 0;
      const up = y > 0 ? (data[row - stride + x] as number) : 0;
      const upLeft = x >= channels && y > 0 ? (data[row - stride + x - channels] as number) : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter as number];
      if (predicted === undefined) throw new Error(`PNG row ${y} has an unknown filter (${filter})`);
      data[row + x] = (value + predicted) & 255;
    }
  }
  return { width, height, channels, data };
}

/** A chunk with its length and checksum. */
export function pngChunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 255] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The same pixels as the smallest PNG this writes: no row filters, zlib at its best level. */
export function encodePng({ width, height, channels, data }: Pixels): Buffer {
  const stride = width * channels;
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) data.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8);
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9, memLevel: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
