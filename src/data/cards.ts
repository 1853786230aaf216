/**
 * Share cards for the build: which cards exist, and the PNG for each — from the cache when nothing it
 * shows has changed, otherwise drawn by the worker pool. Everything here is set up once per build.
 */
import { readFile } from 'node:fs/promises';
import { getImage } from 'astro:assets';
import { join } from 'node:path';
import { cardCacheDir, cardCacheKey, createCardCache, sha256 } from '../cards/cache.ts';
import { loadCardFonts } from '../cards/fonts.ts';
import { CARD_HEIGHT, CARD_WIDTH, type CardText, type FrameFields } from '../cards/layout.ts';
import { createCardPool } from '../cards/pool.ts';
import { photoDataUri } from '../cards/render.ts';
import { cardAlt, pieceCardText, siteCardText } from '../lib/card-text.ts';
import { cardPath, SITE_CARD_PATH } from '../lib/urls.ts';
import { getPieces, type PublishedPiece } from './pieces.ts';
import { getPortrait, getProfile, settings, type Profile } from './site.ts';

const root = import.meta.env.HUB_ROOT;

/**
 * `HUB_SHARE_CARDS=off` builds without drawing cards (previews fall back to the portrait): quicker
 * local builds, and the benchmark's "without cards" baseline.
 */
export const cardsEnabled = process.env['HUB_SHARE_CARDS'] !== 'off';

export interface CardImage {
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface CardRoute {
  params: { card: string };
  props: { text: CardText };
}

/** The file behind an `image()` field; Astro records it on the metadata it returns. */
function sourceFile(image: unknown, field: string): string {
  const path = (image as { fsPath?: unknown }).fsPath;
  if (typeof path !== 'string') throw new Error(`content/profile.yaml: ${field}: expected a local image file`);
  return path;
}

interface CardService {
  draw(text: CardText): Promise<Buffer>;
}

let service: Promise<CardService> | undefined;

function getService(): Promise<CardService> {
  service ??= (async () => {
    const profile = await getProfile();
    let photo: Buffer;
    const photoFile = sourceFile(profile.photo.src, 'photo.src');
    try {
      photo = await readFile(photoFile);
    } catch (error) {
      throw new Error(`content/profile.yaml: photo.src: the share cards need the portrait, but ${photoFile} cannot be read`, { cause: error });
    }
    const frame: FrameFields = {
      name: profile.name,
      domain: new URL(settings.url).host,
      photoDataUri: await photoDataUri(photo),
      theme: { background: settings.theme.cardBackground, text: settings.theme.cardText, accent: settings.theme.cardAccent },
    };
    const { photoDataUri: _drawn, ...frameKey } = frame;
    const fontsHash = loadCardFonts(root).hash;
    const photoHash = sha256(photo);
    const cache = createCardCache(cardCacheDir(root));
    const pool = createCardPool({ workerFile: join(root, 'src/cards/worker.ts'), workerData: { root, frame } });
    return {
      async draw(text) {
        const key = cardCacheKey({ fontsHash, photoHash, frame: frameKey, text });
        const cached = await cache.get(key);
        if (cached) return cached;
        const png = await pool.render(text);
        await cache.set(key, png);
        return png;
      },
    };
  })();
  return service;
}

const drawn = new Map<string, Promise<Buffer>>();

/** The PNG for a card; the same text is drawn at most once per build. */
export function cardPng(text: CardText): Promise<Buffer> {
  const id = JSON.stringify(text);
  let png = drawn.get(id);
  if (!png) {
    png = getService().then((cards) => cards.draw(text));
    drawn.set(id, png);
  }
  return png;
}

/**
 * Every card of the site. In a production build it also starts drawing them all at once, so the
 * worker pool stays busy while Astro writes pages one at a time.
 */
export async function getCardRoutes(): Promise<CardRoute[]> {
  if (!cardsEnabled) return [];
  const [pieces, profile] = await Promise.all([getPieces(), getProfile()]);
  const routes: CardRoute[] = [
    { params: { card: SITE_CARD_PATH.replace(/^\/cards\/|\.png$/g, '') }, props: { text: siteCardText(profile) } },
    ...pieces.map((piece) => ({
      params: { card: decodeURIComponent(cardPath(piece.kind, piece.slug).replace(/^\/cards\/|\.png$/g, '')) },
      props: { text: pieceCardText(piece) },
    })),
  ];
  if (import.meta.env.HUB_COMMAND === 'build') {
    // Errors surface when each card's route awaits its own promise; this only starts the work.
    for (const route of routes) cardPng(route.props.text).catch(() => undefined);
  }
  return routes;
}

const card = (path: string, text: CardText, profile: Profile): CardImage => ({
  src: path,
  width: CARD_WIDTH,
  height: CARD_HEIGHT,
  alt: cardAlt(text, profile.name),
});

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
  return card(cardPath(piece.kind, piece.slug), pieceCardText(piece), profile);
}

/** The card image for every other page. */
export async function siteCard(profile: Profile): Promise<CardImage> {
  if (!cardsEnabled) return portraitImage(profile);
  return card(SITE_CARD_PATH, siteCardText(profile), profile);
}

async function portraitImage(profile: Profile): Promise<CardImage> {
  return { ...(await getPortrait()), alt: profile.photo.alt };
}
