/**
 * A card-drawing worker thread. It loads the fonts and draws the frame once, then answers
 * `{ id, text, file }` messages by drawing the card into the cache file `file` and replying `{ id }`,
 * or `{ id, error }`. Writing here keeps the pixels off the build's own thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { dirname, basename } from 'node:path';
import sharp from 'sharp';
import { storeCard } from './cache.ts';
import { loadCardFonts } from './fonts.ts';
import { typePairing, type TypePairingName } from '../lib/type-pairing.ts';
import type { CardText, FrameFields } from './layout.ts';
import { createCardRenderer } from './render.ts';

export interface CardWorkerData {
  root: string;
  frame: FrameFields;
  /** theme.typePairing from site.yaml: the cards use the pages' faces. */
  pairing: TypePairingName;
}

export type CardRequest = { id: number; text: CardText; file: string };
export type CardResponse = { id: number } | { id: number; error: string };

// One libvips thread per worker (the pool already runs one worker per core), and no libvips operation
// cache: every card is drawn once, so caching only costs copying.
sharp.concurrency(1);
sharp.cache(false);

const { root, frame, pairing } = workerData as CardWorkerData;
const renderer = createCardRenderer(frame, loadCardFonts(root, typePairing(pairing)));

parentPort!.on('message', async ({ id, text, file }: CardRequest) => {
  try {
    const png = await (await renderer).render(text);
    await storeCard(dirname(file), basename(file, '.png'), png);
    parentPort!.postMessage({ id } satisfies CardResponse);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies CardResponse);
  }
});
