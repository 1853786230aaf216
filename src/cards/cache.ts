/**
 * The share-card cache: one PNG per card, named by a hash of everything the card shows, so a card is
 * redrawn only when its title, label, the photo, the fonts, the theme or the template change. Files are
 * written atomically and checked before use; a damaged file is deleted and redrawn, never served.
 *
 * Location: `.cache/cards/` in the project (or `HUB_CARD_CACHE`). CI keeps this folder between runs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cardCacheOverride } from '../lib/hub-env.ts';
import { CARD_HEIGHT, CARD_WIDTH, TEMPLATE_VERSION, type CardText, type FrameFields } from './layout.ts';
import { isCompletePng } from './png.ts';

export const DEFAULT_CARD_CACHE = '.cache/cards';

/** What a card's pixels depend on; the photo and fonts enter as hashes of their bytes. */
export interface CardKeyInput {
  fontsHash: string;
  photoHash: string;
  frame: Omit<FrameFields, 'photoDataUri'>;
  text: CardText;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function cardCacheKey(input: CardKeyInput): string {
  return sha256(JSON.stringify({ template: TEMPLATE_VERSION, ...input })).slice(0, 40);
}

/** The cache folder for a project root, honouring `HUB_CARD_CACHE`. */
export function cardCacheDir(root: string, env: Readonly<Record<string, string | undefined>>): string {
  return cardCacheOverride(env) ?? join(root, DEFAULT_CARD_CACHE);
}

/** The cache file of a key. */
export function cardCacheFile(dir: string, key: string): string {
  return join(dir, `${key}.png`);
}

/**
 * Whether the cache has a file for a key, without reading it: cheap enough to ask for every card while
 * pages are being written. The file is verified when it is used (`readCachedCard`).
 */
export async function hasCachedCard(dir: string, key: string): Promise<boolean> {
  try {
    return (await stat(cardCacheFile(dir, key))).size > 0;
  } catch {
    return false;
  }
}

/** The bytes of a cached card if the file holds a whole card; a damaged file is removed. */
export async function readCachedCard(dir: string, key: string): Promise<Buffer | undefined> {
  const file = cardCacheFile(dir, key);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return undefined;
  }
  if (isCompletePng(data, { width: CARD_WIDTH, height: CARD_HEIGHT })) return data;
  await rm(file, { force: true });
  return undefined;
}

/** Stores a card; returns its file. A reader sees the old file, the new file, or none — never half of one. */
export async function storeCard(dir: string, key: string, png: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = cardCacheFile(dir, key);
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, png);
  await rename(temporary, file);
  return file;
}
