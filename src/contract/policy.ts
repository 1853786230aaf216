/**
 * The policy file, `content/policy.yaml`: words and topics that need a second look before a piece goes
 * out under the person's name. The person writes it (`./hub init` writes a first one); the syndication
 * and status scripts read it (scripts/syndicate/policy.ts holds what it means for an item).
 *
 * ```yaml
 * review:
 *   - fracking                       # a word: its own topic
 *   - topic: redundancies
 *     words: [redundanc*, lay-offs]  # a trailing * matches any ending
 * ```
 */
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { yamlSyntaxProblem } from '../loaders/yaml-errors.ts';
import { ContentError, issueProblems } from '../lib/validation.ts';

export const POLICY_FILE = 'content/policy.yaml';

const word = z.string().trim().min(1, { error: 'expected a word or phrase' });

export const policySchema = z.strictObject({
  /** Words (or `{ topic, words }`) that hold a piece for review. Default: none. */
  review: z
    .array(
      z.union([word.transform((text) => ({ topic: text, words: [text] })), z.strictObject({ topic: word, words: z.array(word).min(1) })], {
        error: 'expected a word, or { topic: …, words: [ … ] }',
      }),
    )
    .default([]),
});

export type Policy = z.output<typeof policySchema>;

/** The policy of a hub without a policy file: nothing is held. */
export function emptyPolicy(): Policy {
  return { review: [] };
}

/** Parses the policy's YAML text; a mistake throws a `ContentError` naming the file and each bad field. */
export function parsePolicy(text: string, label: string = POLICY_FILE): Policy {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    throw new ContentError(
      yamlSyntaxProblem({ file: label, source: text, reason: error instanceof Error ? error.message : String(error) }),
    );
  }
  const result = policySchema.safeParse(raw);
  if (!result.success) throw new ContentError(issueProblems(label, result.error.issues, raw));
  return result.data;
}
