/**
 * Reading and writing the syndication ledger (`content/evidence/syndication.json`, shape and parser in
 * src/contract/ledger.ts — the same code the site reads it with). Every write is atomic (scripts/lib/atomic-file.ts):
 * at every instant the ledger on disk is the old or the new version, complete and valid, so a crash
 * (even SIGKILL) never loses or corrupts it.
 */
import { basename, dirname } from 'node:path';
import { removeStaleTempFiles, replaceFileAtomically } from '../lib/atomic-file.ts';
import { readTextIfExists } from '../lib/optional-file.ts';
import { emptyLedger, ledgerKey, ledgerSchema, parseLedger, type Ledger, type LedgerEntry } from '../../src/contract/ledger.ts';
import type { Network } from '../../src/contract/networks.ts';
import type { PieceKind } from '../../src/contract/kinds.ts';

/** Reads the ledger; a hub that has syndicated nothing has none yet, which reads as empty. */
export async function readLedger(file: string, label: string = file): Promise<Ledger> {
  const text = await readTextIfExists(file);
  return text === undefined ? emptyLedger() : parseLedger(text, label);
}

/** Writes the ledger atomically (temp file, fsync, rename, fsync the folder). */
export async function writeLedger(file: string, ledger: Ledger): Promise<void> {
  // Never write what the site could not read back.
  const valid = ledgerSchema.parse(ledger);
  await replaceFileAtomically(file, `${JSON.stringify(valid, null, 2)}\n`);
}

export interface LedgerItemRef {
  kind: PieceKind;
  slug: string;
  /** The piece's URL on the site, recorded with its first entry. */
  url: string;
}

export type { LedgerEntry };

/** The ledger of one run: read once, every change written through at once, writes in order. */
export interface LedgerStore {
  /** The entry for an item on a network, if any. */
  entry: (item: LedgerItemRef, network: Network) => LedgerEntry | undefined;
  /** Records that a request is about to go out (before it is sent). */
  markInFlight: (item: LedgerItemRef, network: Network, mark: { startedAt: string; key?: string | undefined }) => Promise<void>;
  /**
   * Removes an in-flight mark once every attempt was refused by the network (nothing was posted), so
   * the next run posts afresh instead of looking for a copy that cannot exist. The item goes too when
   * it has no other entry.
   */
  clearInFlight: (item: LedgerItemRef, network: Network) => Promise<void>;
  /** Records a post that exists on the network (after it succeeded). */
  markPosted: (item: LedgerItemRef, network: Network, post: { remoteId: string; url: string; postedAt: string }) => Promise<void>;
  snapshot: () => Ledger;
}

export async function openLedger(file: string, label: string = file): Promise<LedgerStore> {
  const ledger = await readLedger(file, label);
  // Temporary files a killed run left behind; the ledger itself is always whole, so they are dropped.
  await removeStaleTempFiles(dirname(file), (name) => name.startsWith(`.${basename(file)}.`));
  let queue: Promise<void> = Promise.resolve();

  const update = async (item: LedgerItemRef, network: Network, entry: LedgerEntry | undefined): Promise<void> => {
    const key = ledgerKey(item.kind, item.slug);
    const next = structuredClone(ledger);
    const networks = (next.items[key] ??= { url: item.url, networks: {} }).networks;
    if (entry) networks[network] = entry;
    else delete networks[network];
    if (Object.keys(networks).length === 0) delete next.items[key];
    // Checked before it is adopted: a bad entry fails this call and leaves the ledger as it was.
    const snapshot = ledgerSchema.parse(next);
    if (snapshot.items[key]) ledger.items[key] = structuredClone(snapshot.items[key]);
    else delete ledger.items[key];
    // Writes are chained so a later state never lands before an earlier one; each holds the whole state.
    const write = queue.catch(() => undefined).then(() => writeLedger(file, snapshot));
    queue = write;
    return write;
  };

  return {
    entry: (item, network) => ledger.items[ledgerKey(item.kind, item.slug)]?.networks[network],
    markInFlight: (item, network, { startedAt, key }) => update(item, network, { status: 'in-flight', startedAt, ...(key ? { key } : {}) }),
    clearInFlight: (item, network) => {
      const entry = ledger.items[ledgerKey(item.kind, item.slug)]?.networks[network];
      return entry?.status === 'in-flight' ? update(item, network, undefined) : Promise.resolve();
    },
    markPosted: (item, network, post) => update(item, network, { status: 'posted', ...post }),
    snapshot: () => structuredClone(ledger),
  };
}
