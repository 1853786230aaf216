/**
 * A card-drawing worker thread. It loads the fonts and draws the frame once, then answers
 * `{ id, text }` messages with `{ id, png }` or `{ id, error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCardFonts } from './fonts.ts';
import type { CardText, FrameFields } from './layout.ts';
import { createCardRenderer } from './render.ts';

export interface CardWorkerData {
  root: string;
  frame: FrameFields;
}

export type CardRequest = { id: number; text: CardText };
export type CardResponse = { id: number; png: Uint8Array } | { id: number; error: string };

const { root, frame } = workerData as CardWorkerData;
const renderer = createCardRenderer(frame, loadCardFonts(root));

parentPort!.on('message', async ({ id, text }: CardRequest) => {
  try {
    const png = await (await renderer).render(text);
    // Copied, not transferred: sharp's buffers are backed by memory a worker cannot hand over.
    parentPort!.postMessage({ id, png } satisfies CardResponse);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies CardResponse);
  }
});
