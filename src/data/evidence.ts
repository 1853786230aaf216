/**
 * The engagement evidence as the pages read it: every snapshot `npm run collect` wrote, folded once
 * per build into the latest state (src/lib/engagement.ts). Empty for a hub that has collected nothing.
 */
import { getCollection } from 'astro:content';
import { foldSnapshots, responsesFor, type EvidenceState, type PieceResponses } from '../lib/engagement.ts';
import type { Snapshot } from '../contract/snapshots.ts';
import { ledgerKey } from '../contract/ledger.ts';
import type { PieceKind } from '../contract/kinds.ts';

let snapshots: Promise<Snapshot[]> | undefined;
let state: Promise<EvidenceState> | undefined;

/** Every snapshot, oldest first. */
export function getSnapshots(): Promise<Snapshot[]> {
  snapshots ??= getCollection('engagement').then((entries) =>
    entries.map((entry) => entry.data).sort((a, b) => Date.parse(a.collectedAt) - Date.parse(b.collectedAt)),
  );
  return snapshots;
}

/** The latest known counts, replies and webmentions. */
export function getEvidence(): Promise<EvidenceState> {
  state ??= getSnapshots().then(foldSnapshots);
  return state;
}

/** What came back for one piece: counts per copy, replies and webmentions, newest first. */
export async function getResponses(kind: PieceKind, slug: string, url: string): Promise<PieceResponses> {
  return responsesFor(await getEvidence(), ledgerKey(kind, slug), url);
}
