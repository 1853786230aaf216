/**
 * The syndication ledger as the pages read it: each piece's confirmed copies on the networks. Empty
 * until the syndication scripts have written `content/evidence/syndication.json`.
 */
import { getEntry } from 'astro:content';
import { emptyLedger, postedCopies, type Ledger } from '../contract/ledger.ts';
import type { Network } from '../lib/networks.ts';
import type { PieceKind } from '../contract/kinds.ts';
import { LEDGER_ENTRY_ID } from '../loaders/ledger-file.ts';

let cache: Promise<Ledger> | undefined;

function getLedger(): Promise<Ledger> {
  cache ??= (async () => (await getEntry('ledger', LEDGER_ENTRY_ID))?.data ?? emptyLedger())();
  return cache;
}

/** The posted copies of one piece, in the networks' usual order. */
export async function getPostedCopies(kind: PieceKind, slug: string): Promise<Array<{ network: Network; url: string }>> {
  return postedCopies(await getLedger(), kind, slug);
}
