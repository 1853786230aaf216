/**
 * The published pieces of every kind, queried once per build and shared by every page and feed.
 * This is the only module that applies the publishing rule to collections.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { flattenCites } from '../lib/backlinks.ts';
import { byNewest, groupByTag, type Piece } from '../lib/pieces.ts';
import { isPublished } from '../lib/publishing.ts';
import { htmlToText, noteTitle } from '../lib/text.ts';
import { latestRevision } from '../lib/theories.ts';
import { piecePath } from '../lib/urls.ts';
import { publishing } from './site.ts';

export type EssayEntry = CollectionEntry<'essays'>;
export type NoteEntry = CollectionEntry<'notes'>;
export type TheoryEntry = CollectionEntry<'theories'>;
export type PieceEntry = EssayEntry | NoteEntry | TheoryEntry;

/** A piece together with the entry it came from, for pages that render the body. */
export interface PublishedPiece extends Piece {
  entry: PieceEntry;
}

/** The plain text of a note's body, from the HTML Astro rendered when it loaded the file. */
export function noteText(entry: NoteEntry): string {
  return htmlToText(entry.rendered?.html ?? entry.body ?? '');
}

function fromEssay(entry: EssayEntry): PublishedPiece {
  const { data } = entry;
  return {
    kind: 'essay',
    slug: entry.id,
    path: piecePath('essay', entry.id),
    title: data.title,
    summary: data.description,
    date: data.date,
    updated: data.updated,
    tags: data.tags,
    draft: data.draft,
    syndication: data.syndication,
    canonical: data.canonical,
    cites: flattenCites(data.cites),
    entry,
  };
}

function fromNote(entry: NoteEntry): PublishedPiece {
  const text = noteText(entry);
  return {
    kind: 'note',
    slug: entry.id,
    path: piecePath('note', entry.id),
    title: noteTitle(text),
    summary: text,
    date: entry.data.date,
    tags: entry.data.tags,
    draft: entry.data.draft,
    syndication: entry.data.syndication,
    cites: flattenCites(entry.data.cites),
    entry,
  };
}

function fromTheory(entry: TheoryEntry): PublishedPiece {
  const { data } = entry;
  return {
    kind: 'theory',
    slug: entry.id,
    path: piecePath('theory', entry.id),
    title: data.title,
    summary: data.summary,
    date: data.date,
    updated: data.updated,
    tags: data.tags,
    draft: data.draft,
    stage: data.stage,
    syndication: data.syndication,
    lastChange: latestRevision(data.revisions)?.change,
    cites: flattenCites(data.cites),
    entry,
  };
}

const published = (entry: { data: { draft?: boolean; date: Date } }) => isPublished(entry.data, publishing);

let cache: Promise<PublishedPiece[]> | undefined;

/** Every published piece, newest first. */
export function getPieces(): Promise<PublishedPiece[]> {
  cache ??= (async () => {
    const [essays, notes, theories] = await Promise.all([
      getCollection('essays', published),
      getCollection('notes', published),
      getCollection('theories', published),
    ]);
    return [...essays.map(fromEssay), ...notes.map(fromNote), ...theories.map(fromTheory)].sort(byNewest);
  })();
  return cache;
}

/** Published pieces of one kind, newest first. */
export async function getPiecesOfKind(kind: Piece['kind']): Promise<PublishedPiece[]> {
  return (await getPieces()).filter((piece) => piece.kind === kind);
}

let tagCache: Promise<Map<string, PublishedPiece[]>> | undefined;

/** Published pieces by tag, computed once per build (not once per tag page). */
export function getTagGroups(): Promise<Map<string, PublishedPiece[]>> {
  tagCache ??= getPieces().then(groupByTag);
  return tagCache;
}
