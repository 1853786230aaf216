/**
 * What `./hub run conversations` prints: per piece (title and address), its conversations newest first
 * — the conversation id to answer with, the kind and network, the author, the text, the link and
 * whether it is answered — and a clear line when there is nothing new. Strangers' words pass through
 * `terminalText` here and again at the print boundary (scripts/lib/cli.ts): no control sequence of
 * theirs reaches the terminal.
 */
import { NETWORK_LABELS } from '../../src/contract/networks.ts';
import { oneLine, terminalText } from '../lib/terminal-text.ts';
import { reviewLine } from '../press-watch/review.ts';
import type { Conversation, ConversationKind, PieceConversations } from './gather.ts';

/** What a look found, as printed (and, under --json, the stable shape documented in docs/evidence.md). */
export interface ConversationsReport {
  version: 1;
  /** `new`: recorded since the last look; `all`: everything (--all). */
  shown: 'new' | 'all';
  /** The newest snapshot time the previous look had seen (null before the first look). */
  since: string | null;
  /** The newest snapshot time this look has seen, now marked seen (null with no snapshot yet). */
  through: string | null;
  /** How many conversations are listed. */
  count: number;
  pieces: PieceConversations[];
  /** Ids of the press mentions the press watch proposed that await confirm or reject (scripts/press-watch/). */
  pressToReview: string[];
}

const KIND_WORDS: Record<ConversationKind, string> = {
  reply: 'reply',
  quote: 'quote-post',
  'webmention-reply': 'reply from their site',
  mention: 'mention from their site',
};

/** `2026-11-25 09:12 UTC`: unambiguous in every language. */
function when(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function conversationLines(conversation: Conversation): string[] {
  const where = conversation.network === 'web' ? 'the web' : NETWORK_LABELS[conversation.network];
  const author = oneLine(terminalText(conversation.author.name));
  const handle = oneLine(terminalText(conversation.author.handle));
  const who = author && handle && author !== handle ? `${author} (${handle})` : author || handle || 'someone';
  const status = conversation.answered ? `answered${conversation.answerUrl ? `: ${conversation.answerUrl}` : ''}` : 'not answered';
  const text = terminalText(conversation.text).trim() || '(no text)';
  return [
    `  ${conversation.id}`,
    `    ${KIND_WORDS[conversation.kind]} on ${where} by ${who}${conversation.publishedAt ? `, ${when(conversation.publishedAt)}` : ''} — ${status}`,
    ...text.split('\n').map((line) => `    | ${line}`),
    ...(conversation.url ? [`    ${conversation.url}`] : []),
  ];
}

/** The report as text for the terminal: the conversations, then any press mentions awaiting review. */
export function formatConversations(report: ConversationsReport): string {
  const press = reviewLine(report.pressToReview.map((id) => ({ id })));
  return [conversationsText(report), ...(press ? [press] : [])].join('\n\n');
}

function conversationsText(report: ConversationsReport): string {
  if (report.through === null) {
    return 'No conversations collected yet: `./hub run collect` reads the replies, quote-posts and mentions from the networks.';
  }
  if (report.count === 0) {
    return report.shown === 'all'
      ? 'No replies, quote-posts or mentions collected yet.'
      : `Nothing new since you last looked (collected up to ${when(report.since ?? report.through)}). \`./hub run conversations -- --all\` shows every conversation.`;
  }
  const pieces = report.pieces.length;
  const heading =
    report.shown === 'all'
      ? `All conversations: ${report.count} on ${pieces} ${pieces === 1 ? 'piece' : 'pieces'}.`
      : `${report.count} new since ${report.since ? `you last looked (collected up to ${when(report.since)})` : 'you first looked'} on ${pieces} ${pieces === 1 ? 'piece' : 'pieces'}.`;
  const blocks = report.pieces.map((piece) =>
    [`${oneLine(terminalText(piece.title))} — ${piece.url}`, ...piece.conversations.flatMap(conversationLines)].join('\n'),
  );
  return [heading, ...blocks, 'Answer one with ./hub run reply -- <id> "text".'].join('\n\n');
}
