/**
 * The `cacheKey` of every page `getStaticPaths()` makes, for Astro's incremental build
 * (`experimental.incrementalBuild` in astro.config.mjs). Astro skips rendering a page, and copies last
 * build's output instead, when the page's key and the hash of its code (its module graph, which holds
 * site.yaml's settings and palette through `virtual:hub/site-context`) are both unchanged. So a key is
 * made of everything the page shows that is not code: its own entry, and whatever it reads from other
 * entries, the profile, the ledger and the evidence. A piece of data a page shows but its key leaves out
 * ships a stale page; tests/incremental-build.test.ts proves the keys against a full build.
 *
 * Pages only call these functions, and this is the one place that knows what each page shows. A page
 * that starts showing something new adds it to its key here.
 * Pages without getStaticPaths (the home page, feeds, about, search, …) have no key: they render on
 * every build.
 */
import { createHash } from 'node:crypto';
import { getAnswersTo } from './answers.ts';
import { cardsEnabled } from './cards.ts';
import { getCitationGraph } from './backlinks.ts';
import { getEvidence, getResponses } from './evidence.ts';
import { getPostedCopies } from './ledger.ts';
import { getReadingLinks } from './reading.ts';
import { getMainNavigation } from './navigation.ts';
import type { PublishedPiece } from './pieces.ts';
import { getSections } from './sections.ts';
import { absolute, getProfile, getSiteTitle, settings } from './site.ts';
import { getTopics, type PublishedTalk } from './talks.ts';
import { ledgerKey } from '../contract/ledger.ts';
import { pieceRef } from '../lib/pieces.ts';

/** One key from many values: a SHA-256 of their JSON (Dates become ISO strings, Maps are given as entries). */
function keyOf(...values: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

/**
 * An entry as it was loaded: the content layer's digest of its file (front matter and body), and its
 * data, whose images carry the hash of their file in their built path (a hero or portrait replaced
 * under the same name changes no digest). An entry without a digest (a file that failed its checks in
 * `astro dev`) is keyed by its body.
 */
function entryKey(entry: { id: string; digest?: string | number | undefined; data: unknown; body?: string | undefined }): string {
  return keyOf(entry.id, entry.digest ?? entry.body, entry.data);
}

let siteWide: Promise<string> | undefined;

/**
 * What every page shows around its own content, computed once per build: the person (name, portrait —
 * its built path carries a hash of the image — links, bio) in the header, footer and follow block, the
 * site's title, which sections exist (the navigation and footer) and the settings; and whether share
 * cards are drawn (HUB_SHARE_CARDS), which decides every page's preview image — the environment is no
 * part of the code Astro hashes.
 */
function siteKey(): Promise<string> {
  siteWide ??= (async () => {
    const [profile, title, sections, navigation] = await Promise.all([getProfile(), getSiteTitle(), getSections(), getMainNavigation()]);
    return keyOf(profile, title, sections, navigation, settings, cardsEnabled);
  })();
  return siteWide;
}

/**
 * The page of an essay, note or theory (src/layouts/PieceLayout.astro): the entry; what it builds on and
 * what cites it (titles of other pieces and stances); the previous, next and related pieces (src/data/reading.ts); its copies on the networks (the ledger), the
 * replies, counts and webmentions collected for it and when they were collected (the evidence), and
 * the answers posted to them.
 */
export async function pieceCacheKey(piece: PublishedPiece): Promise<string> {
  const graph = await getCitationGraph();
  const url = absolute(piece.path);
  const [site, copies, responses, evidence, answers, reading] = await Promise.all([
    siteKey(),
    getPostedCopies(piece.kind, piece.slug),
    getResponses(piece.kind, piece.slug, url),
    getEvidence(),
    getAnswersTo(ledgerKey(piece.kind, piece.slug)),
    getReadingLinks(piece),
  ]);
  // Previous, next and related: other pieces, shown by kind, title and address.
  const shownOf = (other: PublishedPiece | undefined) => other && [other.kind, other.slug, other.title, other.path];
  return keyOf(
    site,
    piece.kind,
    entryKey(piece.entry),
    graph.resolve(piece.cites),
    graph.citedBy(pieceRef(piece)),
    copies,
    responses,
    evidence.collectedAt,
    [...answers],
    shownOf(reading.previous),
    shownOf(reading.next),
    reading.related.map(shownOf),
  );
}

/** A topic's page (src/pages/tags/[tag].astro): the pieces listed, each as its entry. */
export async function tagCacheKey(tag: string, pieces: readonly PublishedPiece[]): Promise<string> {
  return keyOf(
    await siteKey(),
    tag,
    pieces.map((piece) => [piece.kind, piece.slug, entryKey(piece.entry)]),
  );
}

/**
 * A talk's page (src/pages/speaking/[slug].astro): the talk's entry, what is worked out from it (its
 * status, upcoming or past, depends on the build's moment too) and the topics it may name.
 */
export async function talkCacheKey(talk: PublishedTalk): Promise<string> {
  const [site, topics] = await Promise.all([siteKey(), getTopics()]);
  const { entry, ...shown } = talk;
  return keyOf(site, entryKey(entry), shown, topics.map(entryKey));
}
