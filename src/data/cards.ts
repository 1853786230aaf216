/**
 * Share cards for the pages: the card each page points at, drawn (or found in the cache) once per
 * build. In `astro build` a page's request starts the drawing and the share-cards integration copies
 * the result into `dist/`; in `astro dev` the /cards/ route draws a card when it is asked for.
 */
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getImage } from 'astro:assets';
import { cardCacheDir, cardCacheFile, cardCacheKey, hasCachedCard, readCachedCard, sha256 } from '../cards/cache.ts';
import { loadCardFonts } from '../cards/fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardText, type FrameFields } from '../cards/layout.ts';
import { createCardPool } from '../cards/pool.ts';
import { cardRegistry } from '../cards/registry.ts';
import { photoDataUri } from '../cards/render.ts';
import { cardWorkers, shareCardsEnabled } from '../lib/hub-env.ts';
import { cardAlt, pieceCardText, siteCardText, talkCardText } from '../lib/card-text.ts';
import { typePairing } from '../lib/type-pairing.ts';
import type { Talk } from '../lib/talks.ts';
import { cardPath, SITE_CARD_PATH, talkCardPath } from '../lib/urls.ts';
import { getPieces, type PublishedPiece } from './pieces.ts';
import { getTalks } from './talks.ts';
import { astroCommand, formats, getPortrait, getProfile, projectRoot, settings, type Profile } from './site.ts';
import { palette } from '../lib/palette.ts';

/** Off with `HUB_SHARE_CARDS=off` (src/lib/hub-env.ts): previews fall back to the portrait. */
export const cardsEnabled = shareCardsEnabled(process.env);

export interface CardImage {
  src: string;
  width: number;
  height: number;
  alt: string;
}

/** The file behind an `image()` field; Astro records it on the metadata it returns. */
export function sourceFile(image: unknown): string {
  const path = (image as { fsPath?: unknown }).fsPath;
  if (typeof path !== 'string') throw new Error('content/profile.yaml: photo.src: expected a local image file');
  return path;
}

/** The cards of this build, found in the cache or drawn into it by the worker pool. */
interface Cards {
  /** Settles when the card is in the cache (its file is verified only when read). */
  ensure(text: CardText): Promise<void>;
  /** The card's verified bytes and cache file; a damaged cache file is redrawn first. */
  verified(text: CardText): Promise<{ png: Buffer; file: string }>;
}

let drawer: Promise<Cards> | undefined;

function getDrawer(): Promise<Cards> {
  drawer ??= (async () => {
    const profile = await getProfile();
    const photoFile = sourceFile(profile.photo.src);
    let photo: Buffer;
    try {
      photo = await readFile(photoFile);
    } catch (error) {
      throw new Error(`content/profile.yaml: photo.src: the share cards need the portrait, but ${photoFile} cannot be read`, {
        cause: error,
      });
    }
    const frame: FrameFields = {
      name: profile.name,
      domain: new URL(settings.url).host,
      photoDataUri: await photoDataUri(photo),
      theme: palette(settings.theme).card,
    };
    const { photoDataUri: _embedded, ...frameKey } = frame;
    const pairing = settings.theme.typePairing;
    const fontsHash = loadCardFonts(projectRoot, typePairing(pairing)).hash;
    const photoHash = sha256(photo);
    const cacheDir = cardCacheDir(projectRoot, process.env);
    const pool = createCardPool({
      workerFile: join(projectRoot, 'src/cards/worker.ts'),
      workerData: { root: projectRoot, frame, pairing },
      size: cardWorkers(process.env),
    });
    const draw = (key: string, text: CardText): Promise<void> => pool.draw(text, cardCacheFile(cacheDir, key));
    // The same card (say, the site card) is asked for by many pages; it is looked up or drawn once.
    const ensured = new Map<string, Promise<void>>();
    const ensure = (key: string, text: CardText): Promise<void> => {
      let done = ensured.get(key);
      if (!done) {
        done = hasCachedCard(cacheDir, key).then((cached) => (cached ? undefined : draw(key, text)));
        ensured.set(key, done);
      }
      return done;
    };
    const keyOf = (text: CardText): string => cardCacheKey({ fontsHash, photoHash, frame: frameKey, text });
    return {
      ensure: (text) => ensure(keyOf(text), text),
      async verified(text) {
        const key = keyOf(text);
        const file = cardCacheFile(cacheDir, key);
        await ensure(key, text);
        const cached = await readCachedCard(cacheDir, key);
        if (cached) return { png: cached, file };
        // Damaged (and now removed): draw it again, once.
        await draw(key, text);
        const redrawn = await readCachedCard(cacheDir, key);
        if (!redrawn) throw new Error(`share cards: the card "${text.title}" was drawn but its file in ${cacheDir} is not a whole PNG`);
        return { png: redrawn, file };
      },
    };
  })();
  return drawer;
}

/** A card's verified PNG bytes, drawing it first if needed. */
export async function cardPng(text: CardText): Promise<Buffer> {
  return (await (await getDrawer()).verified(text)).png;
}

/**
 * Puts a verified card at `target` as a hard link to its cache file (cache files are replaced by
 * rename, never rewritten, so the link keeps its bytes), or as a copy where linking fails.
 */
async function writeCard(text: CardText, target: string): Promise<void> {
  const { png, file } = await (await getDrawer()).verified(text);
  await rm(target, { force: true });
  try {
    await link(file, target);
  } catch {
    await writeFile(target, png);
  }
}

/** Registers a card for the share-cards integration (`astro build` only) and starts finding or drawing it. */
function registerCard(path: string, text: CardText): void {
  const registry = cardRegistry();
  if (registry.has(path)) return;
  const ready = getDrawer().then((cards) => cards.ensure(text));
  // The integration awaits and reports failures; this keeps Node from calling them unhandled meanwhile.
  ready.catch(() => undefined);
  registry.set(path, { ready, writeTo: (target) => writeCard(text, target) });
}

let everyCardRegistered = false;

/**
 * Registers every piece's and talk's card at once, when the first page asks for a card: the cache is
 * checked for all of them and the workers start drawing the missing ones straight away, while Astro is
 * still writing pages, instead of when (late in the build) the page of an edited piece comes up.
 */
function registerEveryCard(): void {
  if (everyCardRegistered) return;
  everyCardRegistered = true;
  void (async () => {
    const [pieces, talks] = await Promise.all([getPieces(), getTalks()]);
    for (const piece of pieces) if (!piece.entry.data.image) registerCard(cardPath(piece.kind, piece.slug), pieceCardText(piece));
    for (const talk of talks) registerCard(talkCardPath(talk.slug), talkCardText(talk, formats));
  })().catch(() => undefined); // a failure to list pieces fails the pages themselves
}

/** A card a page points at; in `astro build` it is registered for the share-cards integration to copy into `dist/`. */
function requestCard(path: string, text: CardText, profile: Profile): CardImage {
  if (astroCommand === 'build') {
    registerEveryCard();
    registerCard(path, text);
  }
  return { src: path, width: CARD_WIDTH, height: CARD_HEIGHT, alt: cardAlt(text, profile.name) };
}

async function portraitImage(profile: Profile): Promise<CardImage> {
  return { ...(await getPortrait()), alt: profile.photo.alt };
}

/**
 * The preview image of a piece's page and feed item: the entry's own `image` when it has one (as a
 * 1200-pixel JPEG), otherwise its share card.
 */
export async function pieceImage(piece: PublishedPiece, profile: Profile): Promise<CardImage> {
  const own = piece.entry.data.image;
  if (own) {
    const image = await getImage({ src: own.src, width: Math.min(1200, own.src.width), format: 'jpeg' });
    return { src: image.src, width: Number(image.attributes['width']), height: Number(image.attributes['height']), alt: own.alt };
  }
  if (!cardsEnabled) return portraitImage(profile);
  return requestCard(cardPath(piece.kind, piece.slug), pieceCardText(piece), profile);
}

/** The card image of a talk's page and Event. */
export async function talkImage(
  talk: Pick<Talk, 'slug' | 'title' | 'event' | 'start' | 'end' | 'timezone'>,
  profile: Profile,
): Promise<CardImage> {
  if (!cardsEnabled) return portraitImage(profile);
  return requestCard(talkCardPath(talk.slug), talkCardText(talk, formats), profile);
}

/** The card image for every other page. */
export async function siteCard(profile: Profile): Promise<CardImage> {
  if (!cardsEnabled) return portraitImage(profile);
  return requestCard(SITE_CARD_PATH, siteCardText(profile), profile);
}

export interface CardRoute {
  params: { card: string };
  props: { text: CardText };
}

const routeParam = (path: string): string => decodeURIComponent(path.replace(/^\/cards\/|\.png$/g, ''));

/**
 * The /cards/ routes for `astro dev`, which draws a card when a browser asks for it. A build writes
 * cards through the share-cards integration instead, so it gets no routes.
 */
export async function getCardRoutes(): Promise<CardRoute[]> {
  if (!cardsEnabled || astroCommand === 'build') return [];
  const [pieces, talks, profile] = await Promise.all([getPieces(), getTalks(), getProfile()]);
  return [
    { params: { card: routeParam(SITE_CARD_PATH) }, props: { text: siteCardText(profile) } },
    ...pieces.map((piece) => ({ params: { card: routeParam(cardPath(piece.kind, piece.slug)) }, props: { text: pieceCardText(piece) } })),
    ...talks.map((talk) => ({ params: { card: routeParam(talkCardPath(talk.slug)) }, props: { text: talkCardText(talk, formats) } })),
  ];
}
