/**
 * The policy guard: `content/policy.yaml` lists words and topics that need a second look before a
 * piece goes out under the person's name. A piece that mentions one is held until its front matter
 * says `syndication.reviewed: true` (carried in the feed as `_syndication.reviewed`).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { yamlSyntaxProblem } from '../../src/loaders/yaml-errors.ts';
import { ContentError, issueProblems } from '../../src/lib/validation.ts';
import type { SyndicationItem } from './compose/index.ts';

export const POLICY_FILE = 'content/policy.yaml';

const word = z.string().trim().min(1, { error: 'expected a word or phrase' });

const policySchema = z.strictObject({
  /** Words (or `{ topic, words }`) that hold a piece for review. */
  review: z
    .array(z.union([word.transform((text) => ({ topic: text, words: [text] })), z.strictObject({ topic: word, words: z.array(word).min(1) })], {
      error: 'expected a word, or { topic: …, words: [ … ] }',
    }))
    .default([]),
});

export type Policy = z.output<typeof policySchema>;

/** Reads the policy; without a policy file nothing is held. */
export async function readPolicy(file: string, label: string = POLICY_FILE): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { review: [] };
    throw error;
  }
  return parsePolicy(text, label);
}

export function parsePolicy(text: string, label: string = POLICY_FILE): Policy {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    throw new ContentError(yamlSyntaxProblem({ file: label, source: text, reason: error instanceof Error ? error.message : String(error) }));
  }
  const result = policySchema.safeParse(raw);
  if (!result.success) throw new ContentError(issueProblems(label, result.error.issues, raw));
  return result.data;
}

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
  word: string;
}

/** The topics an item touches: searched in its title, text, summary, tags and per-network wording. */
export function policyMatches(policy: Policy, item: SyndicationItem): PolicyMatch[] {
  const haystack = [item.title, item.summary, item.text, ...item.tags, ...Object.values(item.overrides)].join('\n');
  const matches: PolicyMatch[] = [];
  for (const { topic, words } of policy.review) {
    const found = words.find((phrase) => pattern(phrase).test(haystack));
    if (found !== undefined) matches.push({ topic, word: found });
  }
  return matches;
}

/** Why an item is held, or undefined when it may go out. */
export function heldBy(policy: Policy, item: SyndicationItem): PolicyMatch[] | undefined {
  if (item.reviewed) return undefined;
  const matches = policyMatches(policy, item);
  return matches.length > 0 ? matches : undefined;
}
