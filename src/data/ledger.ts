/**
 * The syndication ledger as the pages read it: each piece's confirmed copies on the networks. Empty
 * until the syndication scripts have written `content/evidence/syndication.json`.
 */
import { getEntry } from 'astro:content';
import { emptyLedger, postedCopies, type Ledger } from '../contract/ledger.ts';
import { isPublicNetwork, type Network } from '../contract/networks.ts';
import type { PieceKind } from '../contract/kinds.ts';
import { LEDGER_ENTRY_ID } from '../loaders/ledger-file.ts';

let cache: Promise<Ledger> | undefined;

function getLedger(): Promise<Ledger> {
  cache ??= (async () => (await getEntry('ledger', LEDGER_ENTRY_ID))?.data ?? emptyLedger())();
  return cache;
}

/**
 * The posted copies of one piece that are public pages, in the networks' usual order: what "Also on"
 * links and the reply invitation names. A copy sent to subscribers (the newsletter's email) is left out,
 * by the list's `public` (src/contract/networks.ts).
 */
export async function getPostedCopies(kind: PieceKind, slug: string): Promise<Array<{ network: Network; url: string }>> {
  return postedCopies(await getLedger(), kind, slug).filter((copy) => isPublicNetwork(copy.network));
}
