/**
 * Draws cards: satori lays out text as SVG, sharp rasterises it and encodes the PNG. The frame is
 * drawn once per renderer and reused as raw pixels; each card rasterises only its text box, which
 * sits on plain background, and pastes it in row by row. Pixels stay RGBA from rasteriser to encoder:
 * converting to RGB anywhere costs more than encoding the (constant) alpha. Measured per card on the
 * bench machine: satori 2.5 ms, rasterising 5 ms, paste 1 ms, PNG 3–4 ms; blending a transparent
 * layer instead cost 3 ms more, sharp's own composite 10 ms more, dropping alpha 2.5 ms more, and an
 * `overflow: hidden` box (an SVG mask) 3 ms more.
 */
import satori from 'satori';
import sharp from 'sharp';
import type { CardFonts } from './fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, frameLayer, TEXT_BOX, textLayer, type CardText, type FrameFields } from './layout.ts';

/**
 * PNG settings: level 2 is about 20 KB bigger than level 6 for these cards and half the time;
 * adaptive filtering costs time for no gain on flat colour.
 */
const PNG_OPTIONS = { compressionLevel: 2, adaptiveFiltering: false } as const;

const CHANNELS = 4;

export interface CardRenderer {
  render(text: CardText): Promise<Buffer>;
}

/** SVG to raw RGBA pixels. */
async function rasterise(svg: string): Promise<Buffer> {
  const { data, info } = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== CHANNELS) throw new Error(`share cards: expected RGBA pixels from the rasteriser, got ${info.channels} channels`);
  return data;
}

/** Copies an RGBA box into an RGBA image at (left, top), row by row. */
function paste(target: Buffer, box: Buffer, placement: { left: number; top: number; width: number; height: number }): void {
  const rowBytes = placement.width * CHANNELS;
  for (let y = 0; y < placement.height; y++) {
    box.copy(target, ((placement.top + y) * CARD_WIDTH + placement.left) * CHANNELS, y * rowBytes, (y + 1) * rowBytes);
  }
}

/** Prepares a renderer for one site: draws the frame once. */
export async function createCardRenderer(frame: FrameFields, fonts: CardFonts): Promise<CardRenderer> {
  const frameSvg = await satori(frameLayer(frame, fonts.family) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts.fonts });
  const framePixels = await rasterise(frameSvg);
  // One canvas reused card after card: only the text box changes, and it is put back after each card.
  // (Copying the whole 3 MB frame per card cost about 0.5 ms.) A second render while one is under way
  // gets its own copy.
  const canvas = Buffer.from(framePixels);
  let canvasInUse = false;
  return {
    async render(text) {
      // No height: satori sizes the box to the text, and the fewer pixels, the faster the rasterising.
      const svg = await satori(textLayer(text, frame.theme, fonts.family) as never, { width: TEXT_BOX.width, fonts: fonts.fonts });
      const box = await rasterise(svg);
      const height = box.length / (TEXT_BOX.width * CHANNELS);
      if (height > TEXT_BOX.height)
        throw new Error(`share cards: the text of "${text.title}" is ${height} px tall, more than the ${TEXT_BOX.height} px it has`);
      const ownCanvas = !canvasInUse;
      const pixels = ownCanvas ? canvas : Buffer.from(framePixels);
      if (ownCanvas) canvasInUse = true;
      const placement = { ...TEXT_BOX, height };
      try {
        paste(pixels, box, placement);
        return await sharp(pixels, { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: CHANNELS } })
          .png(PNG_OPTIONS)
          .toBuffer();
      } finally {
        if (ownCanvas) {
          framePixels.copy(canvas, rowStart(TEXT_BOX.top), rowStart(TEXT_BOX.top), rowStart(TEXT_BOX.top + height));
          canvasInUse = false;
        }
      }
    },
  };
}

/** Byte offset of a row in a card-sized RGBA image. */
function rowStart(row: number): number {
  return row * CARD_WIDTH * CHANNELS;
}

/** The portrait as a small JPEG data URI for the frame (satori embeds it; smaller means faster). */
export async function photoDataUri(photo: Buffer): Promise<string> {
  const jpeg = await sharp(photo).resize(224, 224, { fit: 'cover' }).jpeg({ quality: 85 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
