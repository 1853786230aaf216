/**
 * The published pieces as feed items, shared by /rss.xml and /feed.json so both feeds always carry
 * the same items with the same HTML.
 */
import { absolutizeHtml } from '../lib/urls.ts';
import { lastModified } from '../lib/pieces.ts';
import { entryHtml } from './entry-html.ts';
import { getPieces, type PublishedPiece } from './pieces.ts';
import { absolute, site } from './site.ts';

export interface FeedItem {
  piece: PublishedPiece;
  url: string;
  html: string;
  modified: Date;
}

let cache: Promise<FeedItem[]> | undefined;

/** Every published piece with its absolute URL and body HTML (links made absolute), newest first. */
export function getFeedItems(): Promise<FeedItem[]> {
  cache ??= getPieces().then((pieces) =>
    Promise.all(
      pieces.map(async (piece) => ({
        piece,
        url: absolute(piece.path),
        html: absolutizeHtml(await entryHtml(piece.entry), site),
        modified: lastModified(piece),
      })),
    ),
  );
  return cache;
}
