/**
 * Is this hub still the sample, or has someone made it theirs? `./hub init` replaces `content/` only
 * in the sample without being told to (`--force`).
 *
 * The test is the person in `content/profile.yaml`: a hub is the sample while its `name` and `email`
 * are both the sample person's. Those are the two fields every real hub must change — the name is on
 * every page, and the sample's address is at `.example`, a domain reserved for examples (RFC 2606),
 * so nobody can keep it — and `init` always writes the person's own (it refuses the sample's address),
 * so a hub it has set up is never taken for the sample again. Other tests were weighed and rejected:
 * comparing whole files (or their hashes) with the sample calls a hub "customised" after the sample
 * itself is improved; a marker file can be deleted, or copied along with someone else's `content/`;
 * counting pieces says nothing about whose they are.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The sample hub's person, as `content/profile.yaml` ships. */
export const SAMPLE_PERSON = { name: 'Morwenna Hale', email: 'morwenna@tidewater-energy.example' } as const;

/**
 * Why the hub at `root` is not the sample (a sentence naming the file), or undefined when it is the
 * sample or has no `content/` at all (nothing to lose).
 */
export async function customisedBecause(root: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, 'content/profile.yaml'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const content = await stat(join(root, 'content')).catch((inner: NodeJS.ErrnoException) => {
      if (inner.code === 'ENOENT') return undefined;
      throw inner;
    });
    if (!content) return undefined;
    return content.isDirectory()
      ? 'content/ holds files but no profile.yaml, so it is not the sample hub'
      : 'content is a file, not the sample hub’s folder';
  }
  let profile: unknown;
  try {
    profile = parseYaml(text);
  } catch {
    return 'content/profile.yaml is not the sample’s (it is not even valid YAML)';
  }
  const { name, email } = (profile && typeof profile === 'object' ? profile : {}) as { name?: unknown; email?: unknown };
  if (name === SAMPLE_PERSON.name && email === SAMPLE_PERSON.email) return undefined;
  return `content/profile.yaml is about ${typeof name === 'string' ? name : 'someone'}${typeof email === 'string' ? ` <${email}>` : ''}, not the sample’s ${SAMPLE_PERSON.name}`;
}
