/**
 * The portrait `./hub init` puts in `content/images/portrait.jpg`: checked to be a photo sharp can
 * read, big enough and not absurdly heavy, then normalised to a JPEG.
 *
 * Why re-encode rather than copy: a phone photo carries EXIF — often the GPS position of where it was
 * taken, which may be the person's home — and the site offers the file for download as it is. sharp
 * drops all metadata by default, turns the picture upright by its EXIF orientation first (so nothing
 * comes out sideways), converts to sRGB, flattens transparency onto white, and caps the long side at
 * 4000 px (plenty for print). One format also means one file name, whatever was given.
 */
import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import { HEADSHOT_MIN_PIXELS } from '../../src/schemas/speaking.ts';

/** The smallest short side, in pixels: below this the portrait looks soft on the home page and share cards. */
export const PORTRAIT_MIN_PIXELS = 400;
/** The biggest file accepted, in bytes (15 MB): anything larger is a RAW export or a mistake. */
export const PORTRAIT_MAX_BYTES = 15_000_000;
/** The long side of the normalised file, at most. */
const PORTRAIT_MAX_SIDE = 4000;

/** Formats a photo comes in that sharp reads; SVG is left out on purpose (a portrait is a photo, not a logo). */
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif', 'tiff', 'gif']);

export interface Portrait {
  /** The JPEG to write. */
  jpeg: Buffer;
  width: number;
  height: number;
  /** True when the short side is big enough to offer as a headshot for print (`content/speaking.yaml`). */
  printable: boolean;
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/** Reads, checks and normalises the portrait at `path`; throws one sentence naming the file and the fix. */
export async function preparePortrait(path: string): Promise<Portrait> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `${path}: no such file; give the path of a photo of you` : `${path}: ${error.message}`);
  });
  if (!info.isFile()) throw new Error(`${path}: expected a photo file, got a folder`);
  if (info.size > PORTRAIT_MAX_BYTES) {
    throw new Error(
      `${path}: the photo is ${megabytes(info.size)}; expected at most ${megabytes(PORTRAIT_MAX_BYTES)} (export it as a JPEG)`,
    );
  }
  const metadata = await sharp(path)
    .metadata()
    .catch(() => undefined);
  if (!metadata?.format || !PHOTO_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) {
    const got = metadata?.format ? `, got ${metadata.format.toUpperCase()}` : '';
    throw new Error(`${path}: not a photo this hub can read; expected a JPEG, PNG, WebP, AVIF, HEIF, TIFF or GIF image${got}`);
  }
  const width = metadata.width;
  const height = metadata.pageHeight ?? metadata.height;
  const shortSide = Math.min(width, height);
  if (shortSide < PORTRAIT_MIN_PIXELS) {
    throw new Error(
      `${path}: the photo is ${width} × ${height} px; expected at least ${PORTRAIT_MIN_PIXELS} px on the short side (${HEADSHOT_MIN_PIXELS} or more also serves print)`,
    );
  }
  try {
    const { data, info: out } = await sharp(path, { pages: 1 })
      .autoOrient()
      .resize({ width: PORTRAIT_MAX_SIDE, height: PORTRAIT_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 90, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: out.width, height: out.height, printable: Math.min(out.width, out.height) >= HEADSHOT_MIN_PIXELS };
  } catch (error) {
    // A header that reads but pixels that do not: a truncated or damaged file.
    throw new Error(
      `${path}: the photo could not be decoded (${error instanceof Error ? error.message : String(error)}); export it again as a JPEG`,
      { cause: error },
    );
  }
}
