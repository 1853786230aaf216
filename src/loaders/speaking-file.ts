import { dirname, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import sharp from 'sharp';
import { headshotSizeProblem } from '../lib/speaking.ts';
import { ContentError, issueProblems } from '../lib/validation.ts';
import { yamlFileLoader } from './yaml-file.ts';

const PATH = 'content/speaking.yaml';

/**
 * `content/speaking.yaml` through `yamlFileLoader`, plus the check its schema cannot make: every
 * headshot is big enough to print (1500 px or more on each side). Done while the content loads, so a
 * small photo fails the build before a single page is written.
 */
export function speakingFileLoader(): Loader {
  // Optional: without it the speaking page has the profile's bios and books through its email.
  const inner = yamlFileLoader({ path: PATH, id: 'speaking', optional: true });
  return {
    name: 'hub-speaking-file',
    load: (context) => {
      const parseData: typeof context.parseData = async (entry) => {
        const data = await context.parseData(entry);
        if (entry.filePath) await checkHeadshotSizes(entry.data['headshots'], entry.filePath);
        return data;
      };
      return inner.load({ ...context, parseData });
    },
  };
}

/** `headshots` as written (paths relative to the YAML file); files that are missing are reported elsewhere. */
async function checkHeadshotSizes(headshots: unknown, yamlFile: string): Promise<void> {
  if (!Array.isArray(headshots)) return;
  for (const [index, headshot] of headshots.entries()) {
    const src = (headshot as { src?: unknown } | null)?.src;
    if (typeof src !== 'string') continue;
    const metadata = await sharp(resolve(dirname(yamlFile), src))
      .metadata()
      .catch(() => undefined);
    if (!metadata?.width || !metadata.height) continue;
    const problem = headshotSizeProblem({ width: metadata.width, height: metadata.height });
    if (problem) throw new ContentError(issueProblems(PATH, [{ path: ['headshots', index, 'src'], message: problem }]));
  }
}
