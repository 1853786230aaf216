/**
 * A proposed press entry as the file `content/press/<id>.md` holds it: the press schema's fields
 * (src/schemas/press.ts) with `draft: true`, so it never builds until confirmed, and `proposed:` —
 * where it was found — kept as its provenance. The body (never published) shows the sentence the quote
 * came from and the commands that decide it.
 */
import { stringify } from 'yaml';
import { foldText } from './names.ts';

export type ProposedKind = 'quoted' | 'interview' | 'op-ed' | 'podcast';

export interface Proposal {
  outlet: string;
  headline: string;
  url: string;
  /** YYYY-MM-DD. */
  date: string;
  kind: ProposedKind;
  quote: string;
  context: string;
  feed: string;
  foundAt: string;
}

/** The longest quote proposed: a pull-quote, not a paragraph; the person trims or edits it. */
const MAX_QUOTE = 400;

export function slug(text: string, words = 6): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, words)
    .join('-');
}

/** `<outlet>-<first words of the headline>`: readable on the command line. */
export function proposalId(outlet: string, headline: string): string {
  return [slug(outlet, 3), slug(headline)].filter(Boolean).join('-') || 'press-mention';
}

/** What kind of appearance the page suggests; the person corrects it before confirming when it is wrong. */
export function guessKind(headline: string, bylineNamesHer: boolean): ProposedKind {
  if (bylineNamesHer) return 'op-ed';
  if (/\b(podcast|episode)\b/i.test(headline)) return 'podcast';
  if (/\b(interview|q&a|in conversation)\b/i.test(headline)) return 'interview';
  return 'quoted';
}

const clip = (text: string): string => (text.length <= MAX_QUOTE ? text : `${text.slice(0, MAX_QUOTE - 1).trimEnd()}…`);

export function proposalText(proposal: Proposal, id: string): string {
  const fields = {
    outlet: proposal.outlet,
    headline: proposal.headline,
    url: proposal.url,
    date: proposal.date,
    kind: proposal.kind,
    quote: clip(proposal.quote),
    draft: true,
    proposed: { feed: proposal.feed, foundAt: proposal.foundAt },
  };
  const context = proposal.context.replace(/\s+/g, ' ').trim();
  return [
    '---',
    stringify(fields, { lineWidth: 0 }).trimEnd(),
    '---',
    'Proposed by the press watch (`./hub run collect`). Not published while `draft: true`.',
    '',
    'The quote was picked from:',
    '',
    `> ${context}`,
    '',
    `Check it against the article, then \`./hub run press -- confirm ${id}\`, or \`./hub run press -- reject ${id}\`.`,
    '',
  ].join('\n');
}
