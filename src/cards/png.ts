/**
 * Checks that a PNG file is whole: signature, every chunk's CRC, the expected size in IHDR, and IEND
 * last. A cache file cut short by a crash, or with a flipped byte, fails and is redrawn.
 */
import { crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isCompletePng(data: Buffer, expected: { width: number; height: number }): boolean {
  if (data.length < SIGNATURE.length + 12 || !data.subarray(0, 8).equals(SIGNATURE)) return false;
  let offset = 8;
  let first = true;
  while (offset + 12 <= data.length) {
    const length = data.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > data.length) return false;
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = data.subarray(offset + 4, offset + 8 + length);
    if (crc32(body) !== data.readUInt32BE(offset + 8 + length)) return false;
    if (first) {
      if (type !== 'IHDR') return false;
      if (data.readUInt32BE(offset + 8) !== expected.width || data.readUInt32BE(offset + 12) !== expected.height) return false;
      first = false;
    }
    if (type === 'IEND') return end === data.length;
    offset = end;
  }
  return false;
}

/** Width and height from a PNG's IHDR (for tests and checks). */
export function pngSize(data: Buffer): { width: number; height: number } {
  if (!data.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}
