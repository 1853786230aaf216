/**
 * The published pieces of every kind, queried once per build and shared by every page and feed.
 * This is the only module that applies the publishing rule to collections.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { flattenCites } from '../lib/backlinks.ts';
import { byNewest, groupByTag, type Piece } from '../lib/pieces.ts';
import type { PieceKind } from '../contract/kinds.ts';
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

/** What a piece of every kind takes from its entry alike: its address, date, tags, draft flag, syndication and citations. */
function fromAnyEntry(kind: PieceKind, entry: PieceEntry): Omit<PublishedPiece, 'title' | 'summary'> {
  const { data } = entry;
  return {
    kind,
    slug: entry.id,
    path: piecePath(kind, entry.id),
    date: data.date,
    tags: data.tags,
    draft: data.draft,
    featured: data.featured,
    syndication: data.syndication,
    cites: flattenCites(data.cites),
    entry,
  };
}

function fromEssay(entry: EssayEntry): PublishedPiece {
  const { data } = entry;
  return {
    ...fromAnyEntry('essay', entry),
    title: data.title,
    summary: data.description,
    updated: data.updated,
    canonical: data.canonical,
  };
}

function fromNote(entry: NoteEntry): PublishedPiece {
  const text = noteText(entry);
  return { ...fromAnyEntry('note', entry), title: noteTitle(text), summary: text };
}

function fromTheory(entry: TheoryEntry): PublishedPiece {
  const { data } = entry;
  return {
    ...fromAnyEntry('theory', entry),
    title: data.title,
    summary: data.summary,
    updated: data.updated,
    stage: data.stage,
    lastChange: latestRevision(data.revisions)?.change,
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
