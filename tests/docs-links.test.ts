/**
 * No broken link in README.md or docs/: linkinator serves the project folder on localhost, renders each
 * page as GitHub does (its Markdown mode gives headings GitHub's ids) and checks every relative link
 * and `#fragment`. Links to the web are not fetched (the tests run without network access), and links
 * into `content/` are not followed: that folder is the person's, and changes with every hub.
 */
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A page's path (and fragment) on the local server, or the link as given when it is not a URL. */
function shown(link: string | undefined): string {
  if (!link) return 'start page';
  try {
    const url = new URL(link);
    return decodeURI(url.pathname + url.hash);
  } catch {
    return link;
  }
}

/** A port nothing listens on now, for linkinator's server: links to any other local port (the docs' `http://localhost:4321`) are the reader's, not files. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function describeLink(link: LinkResult): string {
  const failure = link.failureDetails?.map((detail) => (detail instanceof Error ? detail.message : `HTTP ${detail.status}`)).join('; ');
  return `${shown(link.url)} (${link.status ?? 'no status'}${failure ? `: ${failure}` : ''}) on ${shown(link.parent)}`;
}

test('every relative link and fragment in README.md and docs/ resolves', async () => {
  const docs = (await readdir(new URL('../docs/', import.meta.url), { recursive: true })).filter((entry) => entry.endsWith('.md'));
  const port = await freePort();
  const result = await new LinkChecker().check({
    path: ['README.md', ...docs.map((entry) => `docs/${entry}`)],
    serverRoot: ROOT,
    port,
    markdown: true,
    checkFragments: true,
    // A link to a folder (`../src/schemas/`) is a link to its listing.
    directoryListing: true,
    redirects: 'allow',
    concurrency: 10,
    timeout: 10_000,
    linksToSkip: async (link) => {
      const url = URL.parse(link);
      return (
        !url || !['localhost', '127.0.0.1'].includes(url.hostname) || url.port !== String(port) || url.pathname.startsWith('/content/')
      );
    },
  });
  const local = result.links.filter((link) => link.state !== LinkState.SKIPPED);
  expect(local.length).toBeGreaterThan(docs.length);
  expect(local.filter((link) => link.state === LinkState.BROKEN).map(describeLink)).toEqual([]);
});
