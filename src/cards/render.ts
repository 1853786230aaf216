/**
 * Draws cards: satori lays out text as SVG, sharp rasterises it and encodes the PNG. The frame is
 * drawn once per renderer and reused as raw pixels, so each card costs one small SVG.
 */
import satori from 'satori';
import sharp from 'sharp';
import { blendOnto } from './blend.ts';
import type { CardFonts } from './fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, frameLayer, TEXT_BOX, textLayer, type CardText, type FrameFields } from './layout.ts';

/** PNG settings: flat colour compresses well at level 6; adaptive filtering costs time for no gain here. */
const PNG_OPTIONS = { compressionLevel: 6, adaptiveFiltering: false } as const;

export interface CardRenderer {
  render(text: CardText): Promise<Buffer>;
}

async function rasterise(svg: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Prepares a renderer for one site: draws the frame once. */
export async function createCardRenderer(frame: FrameFields, fonts: CardFonts): Promise<CardRenderer> {
  const frameSvg = await satori(frameLayer(frame, fonts.family) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: fonts.fonts });
  const frameRgb = await sharp(Buffer.from(frameSvg)).removeAlpha().raw().toBuffer();
  return {
    async render(text) {
      const svg = await satori(textLayer(text, frame.theme, fonts.family) as never, { width: TEXT_BOX.width, height: TEXT_BOX.height, fonts: fonts.fonts });
      const layer = await rasterise(svg);
      const pixels = Buffer.from(frameRgb);
      blendOnto(pixels, CARD_WIDTH, layer.data, { width: layer.width, height: layer.height, left: TEXT_BOX.left, top: TEXT_BOX.top });
      return sharp(pixels, { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3 } }).png(PNG_OPTIONS).toBuffer();
    },
  };
}

/** The portrait as a small JPEG data URI for the frame (satori embeds it; smaller means faster). */
export async function photoDataUri(photo: Buffer): Promise<string> {
  const jpeg = await sharp(photo).resize(224, 224, { fit: 'cover' }).jpeg({ quality: 85 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
