/**
 * The policy guard: `content/policy.yaml` lists words and topics that need a second look before a
 * piece goes out under the person's name. A piece that mentions one — anywhere: its title, its
 * description, its tags, its per-network wording or its body — is held until its front matter says
 * `syndication.reviewed: true` (carried in the feed as `_syndication.reviewed`), and the summary
 * says which words were found in which fields. The file's shape is src/contract/policy.ts; it is read by
 * scripts/lib/content.ts.
 */
import type { Policy } from '../../src/contract/policy.ts';
import type { SyndicationItem } from '../channels/post.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-word, any-case pattern; a trailing `*` matches any ending; spaces match any white space. */
function pattern(phrase: string): RegExp {
  const wildcard = phrase.endsWith('*');
  const core = (wildcard ? phrase.slice(0, -1) : phrase).trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${core}${wildcard ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'}`, 'iu');
}

export interface PolicyMatch {
  topic: string;
  /** The policy's word or phrase that was found (one match per word found, so a topic may have several). */
  word: string;
  /** Where it was found, as the person names the fields: `title`, `description`, `body`, `tags`, `syndication.text.x`, … */
  fields: string[];
}

/**
 * What the person wrote, field by field, under the names they know from the front matter. The feed
 * derives a note's title, summary and text from its body, so for a note all of them are `body`; an
 * essay's summary is its `description`, a theory's its `summary`. A feed built before bodies were
 * carried has none, and the rest is searched as before.
 */
function fieldsOf(item: SyndicationItem): Array<[field: string, text: string]> {
  const own: Array<[string, string]> =
    item.kind === 'note'
      ? [
          ['body', item.text],
          ['body', item.body ?? ''],
        ]
      : [
          ['title', item.title],
          [item.kind === 'essay' ? 'description' : 'summary', item.summary],
          [item.kind === 'essay' ? 'description' : 'summary', item.text],
          ['body', item.body ?? ''],
        ];
  return [
    ...own,
    ...item.tags.map((tag): [string, string] => ['tags', tag]),
    ...Object.entries(item.overrides).map(([network, text]): [string, string] => [`syndication.text.${network}`, text ?? '']),
  ];
}

/** The topics an item touches, each with the fields it was found in. */
export function policyMatches(policy: Policy, item: SyndicationItem): PolicyMatch[] {
  return matchesIn(policy, fieldsOf(item));
}

/** The topics a text the person is about to send touches (an answer to a reply), found in the field named `field`. */
export function policyMatchesInText(policy: Policy, field: string, text: string): PolicyMatch[] {
  return matchesIn(policy, [[field, text]]);
}

function matchesIn(policy: Policy, fields: Array<[field: string, text: string]>): PolicyMatch[] {
  const matches: PolicyMatch[] = [];
  for (const { topic, words } of policy.review) {
    for (const phrase of words) {
      const regex = pattern(phrase);
      const where = [...new Set(fields.filter(([, text]) => regex.test(text)).map(([field]) => field))];
      if (where.length > 0) matches.push({ topic, word: phrase, fields: where });
    }
  }
  return matches;
}

/** The summary's line for a held item: each word, its topic when that differs, and where it was found. */
export function describePolicyHold(matches: PolicyMatch[]): string {
  const each = matches.map(({ topic, word, fields }) => `“${word}”${topic === word ? '' : ` (${topic})`} in ${fields.join(', ')}`);
  return `mentions ${each.join('; ')} — set syndication.reviewed: true once checked`;
}

/** Why an item is held, or undefined when it may go out. */
export function heldBy(policy: Policy, item: SyndicationItem): PolicyMatch[] | undefined {
  if (item.reviewed) return undefined;
  const matches = policyMatches(policy, item);
  return matches.length > 0 ? matches : undefined;
}
