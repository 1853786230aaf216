/**
 * The conversation around the pieces, from the snapshots on disk (collect is what talks to the
 * networks): every reply and quote-post the networks still show, and the webmentions that reply to or
 * mention a piece, each with the snapshot that first recorded it — so "new" means recorded after the
 * person last looked — grouped by piece, newest first. Pure: the command reads the files and the seen
 * mark (seen.ts) and prints (format.ts).
 *
 * Answered: a reply or quote the person answered from the hub (the answers ledger), or a reply followed
 * by a later reply of the person's own handle in the same copy's replies (answered on the network
 * itself). The person's own replies are part of the thread, not something to answer: they are left out.
 */
import { answerKey, postedAnswer, type Answers } from '../../src/contract/answers.ts';
import { NETWORKS, type Network } from '../../src/contract/networks.ts';
import type { Reply, Snapshot, Webmention } from '../../src/contract/snapshots.ts';
import { foldSnapshots, type NetworkReply } from '../../src/lib/engagement.ts';

/** What a conversation is: a reply under a copy, a post quoting a copy, or someone's own site replying to or mentioning the piece. */
export type ConversationKind = 'reply' | 'quote' | 'webmention-reply' | 'mention';

export interface Conversation {
  /** `<network>:<the network's id>` (answerKey), what `./hub run reply -- <id> "text"` takes; `web:<id>` for a webmention. */
  id: string;
  kind: ConversationKind;
  /** The network, or `web` for a webmention (someone's own site). */
  network: Network | 'web';
  author: { name: string; handle: string; url?: string | undefined };
  text: string;
  /** Its public address; "" when none was given. */
  url: string;
  /** When it was written; undefined for a webmention that gave no date. */
  publishedAt: string | undefined;
  /** When collect first recorded it (the snapshot's time). */
  collectedAt: string;
  /** Whether the person has answered it, and where the answer is when it is known. */
  answered: boolean;
  answerUrl?: string | undefined;
}

export interface PieceConversations {
  /** The piece's item key, `essay/<slug>`. */
  item: string;
  /** Its title, or the item key when the piece is not found in content/. */
  title: string;
  /** Its address on the site. */
  url: string;
  /** Newest first. */
  conversations: Conversation[];
}

export interface GatherOptions {
  snapshots: readonly Snapshot[];
  answers: Answers;
  /** The person's handles (content/profile.yaml `handles`), as written there. */
  handles: Partial<Record<Network, string>>;
  /** Piece titles by item key. */
  titles: ReadonlyMap<string, string>;
  /** Only what was recorded after this snapshot time (the last look); undefined for everything. */
  after?: string | undefined;
}

/** A handle without its leading `@`, in lower case: `@Ada.bsky.social` and `ada.bsky.social` are one person. */
function sameHandle(a: string, b: string): boolean {
  const plain = (handle: string) => handle.trim().replace(/^@/, '').toLowerCase();
  return plain(a) !== '' && plain(a) === plain(b);
}

/** When each reply, quote and webmention was first recorded, by `<log>\0<network>\0<id>`. */
function firstRecorded(snapshots: readonly Snapshot[]): Map<string, string> {
  const first = new Map<string, string>();
  const note = (key: string, at: string) => {
    if (!first.has(key)) first.set(key, at);
  };
  for (const snapshot of snapshots) {
    for (const item of Object.values(snapshot.items)) {
      for (const network of NETWORKS) {
        const copy = item.networks[network];
        for (const reply of copy?.newReplies ?? []) note(`reply\0${network}\0${reply.id}`, snapshot.collectedAt);
        for (const quote of copy?.newQuotes ?? []) note(`quote\0${network}\0${quote.id}`, snapshot.collectedAt);
      }
    }
    for (const mention of snapshot.webmentions ?? []) note(`web\0${mention.id}`, snapshot.collectedAt);
  }
  return first;
}

/** Instants compared as times: a snapshot may write them with an offset. */
const time = (iso: string): number => Date.parse(iso);

const byNewest = (a: Conversation, b: Conversation): number =>
  time(b.publishedAt ?? b.collectedAt) - time(a.publishedAt ?? a.collectedAt) || a.id.localeCompare(b.id);

/** The conversations per piece, pieces with the newest conversation first; pieces with none left out. */
export function gatherConversations(options: GatherOptions): PieceConversations[] {
  const { answers, handles, titles, after } = options;
  const state = foldSnapshots(options.snapshots);
  const recorded = firstRecorded(options.snapshots);
  const isOwn = (network: Network, handle: string) => handles[network] !== undefined && sameHandle(handles[network], handle);
  const fresh = (at: string | undefined): at is string => at !== undefined && (after === undefined || time(at) > time(after));

  const pieces = new Map<string, PieceConversations>();
  const pieceFor = (item: string, url: string): PieceConversations => {
    let piece = pieces.get(item);
    if (!piece) pieces.set(item, (piece = { item, title: titles.get(item) ?? item, url, conversations: [] }));
    return piece;
  };
  const fromNetwork = (kind: 'reply' | 'quote', reply: NetworkReply, collectedAt: string, answeredThere: boolean): Conversation => {
    const answer = postedAnswer(answers, reply.network, reply.id);
    return {
      id: answerKey(reply.network, reply.id),
      kind,
      network: reply.network,
      author: reply.author,
      text: reply.text,
      url: reply.url,
      publishedAt: reply.publishedAt,
      collectedAt,
      answered: answer !== undefined || answeredThere,
      ...(answer ? { answerUrl: answer.url } : {}),
    };
  };

  for (const [item, known] of state.items) {
    const replies = [...(state.replies.get(item)?.values() ?? [])];
    const own = replies.filter((reply) => isOwn(reply.network, reply.author.handle));
    /** A later reply of the person's own in the same copy's replies: answered on the network. */
    const answeredThere = (reply: Reply & { network: Network }) =>
      own.some((mine) => mine.network === reply.network && time(mine.publishedAt) > time(reply.publishedAt));
    for (const reply of replies) {
      const at = recorded.get(`reply\0${reply.network}\0${reply.id}`);
      if (isOwn(reply.network, reply.author.handle) || !fresh(at)) continue;
      pieceFor(item, known.url).conversations.push(fromNetwork('reply', reply, at, answeredThere(reply)));
    }
    for (const quote of state.quotes.get(item)?.values() ?? []) {
      const at = recorded.get(`quote\0${quote.network}\0${quote.id}`);
      if (isOwn(quote.network, quote.author.handle) || !fresh(at)) continue;
      // A quote is answered under the quote itself, not in the copy's replies: only the answers ledger says so.
      pieceFor(item, known.url).conversations.push(fromNetwork('quote', quote, at, false));
    }
  }

  const byUrl = new Map([...state.items].map(([item, known]) => [known.url, item]));
  for (const mention of state.webmentions.values()) {
    if (mention.type !== 'reply' && mention.type !== 'mention') continue;
    const at = recorded.get(`web\0${mention.id}`);
    if (!fresh(at)) continue;
    const item = byUrl.get(mention.target);
    const piece = item ? pieceFor(item, mention.target) : pieceFor(mention.target || '(no page named)', mention.target);
    piece.conversations.push(fromWebmention(mention, at));
  }

  const result = [...pieces.values()];
  for (const piece of result) piece.conversations.sort(byNewest);
  return result.sort((a, b) => byNewest(a.conversations[0]!, b.conversations[0]!) || a.item.localeCompare(b.item));
}

function fromWebmention(mention: Webmention, collectedAt: string): Conversation {
  return {
    id: `web:${mention.id}`,
    kind: mention.type === 'reply' ? 'webmention-reply' : 'mention',
    network: 'web',
    author: mention.author,
    text: mention.text ?? '',
    url: mention.url,
    publishedAt: mention.publishedAt,
    collectedAt,
    // Answered on the person's own site, or on theirs: nothing the hub can see.
    answered: false,
  };
}

/** The newest snapshot time among those given: what a look has seen up to. */
export function newestSnapshot(snapshots: readonly Snapshot[]): string | undefined {
  return snapshots.reduce<string | undefined>(
    (newest, snapshot) => (!newest || time(snapshot.collectedAt) > time(newest) ? snapshot.collectedAt : newest),
    undefined,
  );
}
