import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, type Pixels, pngChunk } from '../../../scripts/png';

// The icons are written again smaller by scripts/png.ts (make-icons.ts): the pixels must survive, whatever
// row filters the screenshot was written with.

/** A PNG whose rows use the given filters (0 to 4, in turn), written by a filter of the test's own. */
function filteredPng({ width, height, channels, data }: Pixels, filters: number[]): Buffer {
  const stride = width * channels;
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : (data[y * stride + x] as number));
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    const filter = filters[y % filters.length] as number;
    rows.push(filter);
    for (let x = 0; x < stride; x++) {
      const left = at(x - channels, y);
      const up = at(x, y - 1);
      const upLeft = at(x - channels, y - 1);
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter] as number;
      rows.push((at(x, y) - predicted) & 255);
    }
  }
  // The encoder's own framing, with these rows in its IDAT instead of its unfiltered ones.
  const plain = encodePng({ width, height, channels, data });
  const idatAt = plain.indexOf('IDAT', 0, 'latin1') - 4;
  const idat = pngChunk('IDAT', deflateSync(Buffer.from(rows)));
  return Buffer.concat([plain.subarray(0, idatAt), idat, plain.subarray(plain.length - 12)]);
}

const images = fc
  .record({
    width: fc.integer({ min: 1, max: 9 }),
    height: fc.integer({ min: 1, max: 9 }),
    channels: fc.constantFrom(3 as const, 4 as const),
  })
  .chain(({ width, height, channels }) =>
    fc
      .uint8Array({ minLength: width * height * channels, maxLength: width * height * channels })
      .map((bytes) => ({ width, height, channels, data: Buffer.from(bytes) })),
  );

describe('scripts/png.ts', () => {
  it('reads back the pixels of rows written with any of the five filters', () => {
    fc.assert(
      fc.property(
        images,
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }),
        (image, filters) => {
          const read = decodePng(filteredPng(image, filters));
          expect(read).toEqual(image);
          expect(decodePng(encodePng(read))).toEqual(image);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses what it does not read: another file, another bit depth, an unknown filter', () => {
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow(/signature/);
    const png = encodePng({ width: 1, height: 1, channels: 4, data: Buffer.from([1, 2, 3, 4]) });
    const sixteenBit = Buffer.from(png);
    sixteenBit[8 + 8 + 8] = 16;
    expect(() => decodePng(sixteenBit)).toThrow(/bit depth 16/);
    expect(() =>
      decodePng(filteredPng({ width: 1, height: 1, channels: 4, data: Buffer.from([1, 2, 3, 4]) }, [5])),
    ).toThrow(/unknown filter/);
  });

  it('the committed icons are already as small as it writes them', () => {
    for (const size of [16, 32, 48, 128]) {
      const icon = readFileSync(resolve(import.meta.dirname, '../../../public/icon', `${size}.png`));
      const pixels = decodePng(icon);
      expect([pixels.width, pixels.height]).toEqual([size, size]);
      expect(encodePng(pixels).length).toBe(icon.length);
    }
  });
});
