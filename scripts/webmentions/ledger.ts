/**
 * Reading and writing the ledger of Webmentions sent (`content/evidence/webmentions-sent.json`, shape
 * in src/contract/webmentions-sent.ts). Every write is atomic (scripts/lib/atomic-file.ts) and holds
 * the whole state, so a crash, even SIGKILL, leaves the old or the new ledger, whole.
 */
import { basename, dirname } from 'node:path';
import { removeStaleTempFiles, replaceFileAtomically } from '../lib/atomic-file.ts';
import { readTextIfExists } from '../lib/optional-file.ts';
import {
  emptyWebmentionsSent,
  parseWebmentionsSent,
  webmentionsSentSchema,
  type SentEntry,
  type WebmentionsSent,
} from '../../src/contract/webmentions-sent.ts';

export type { SentEntry };

export async function readWebmentionsSent(file: string, label: string = file): Promise<WebmentionsSent> {
  const text = await readTextIfExists(file);
  return text === undefined ? emptyWebmentionsSent() : parseWebmentionsSent(text, label);
}

/** The ledger of one run: read once, each change written through, in order. */
export interface SentStore {
  entry: (source: string, target: string) => SentEntry | undefined;
  /** Every target recorded for a source. */
  targets: (source: string) => string[];
  /** Records an entry, or removes it (undefined). */
  set: (source: string, target: string, entry: SentEntry | undefined) => Promise<void>;
}

/** The store over a ledger held in memory only: what a dry run reads, writing nothing. */
export function readOnlyStore(ledger: WebmentionsSent): SentStore {
  return {
    entry: (source, target) => ledger.sources[source]?.[target],
    targets: (source) => Object.keys(ledger.sources[source] ?? {}),
    set: () => Promise.reject(new Error('a dry run records nothing')),
  };
}

export async function openWebmentionsSent(file: string, label: string = file): Promise<SentStore> {
  const ledger = await readWebmentionsSent(file, label);
  // Temporary files a killed run left behind; the ledger itself is always whole.
  await removeStaleTempFiles(dirname(file), (name) => name.startsWith(`.${basename(file)}.`));
  let queue: Promise<void> = Promise.resolve();
  return {
    ...readOnlyStore(ledger),
    set: (source, target, entry) => {
      const next = structuredClone(ledger);
      const targets = (next.sources[source] ??= {});
      if (entry) targets[target] = entry;
      else delete targets[target];
      if (Object.keys(targets).length === 0) delete next.sources[source];
      // Checked before it is adopted: a bad entry fails this call and leaves the ledger as it was.
      const valid = webmentionsSentSchema.parse(next);
      ledger.sources = valid.sources;
      const text = `${JSON.stringify(valid, null, 2)}\n`;
      const write = queue.catch(() => undefined).then(() => replaceFileAtomically(file, text));
      queue = write;
      return write;
    },
  };
}
