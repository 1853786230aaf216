/**
 * A normal `astro build` and `astro dev` of a valid hub print no warnings, so that a warning always
 * means something: not for the full fixture hub (MDX essays included, whose "use astro:head-inject"
 * directive Rolldown would warn about), and not for the minimal one, whose empty collections Astro
 * would call "does not exist or is empty". The dev server is asked for the home page and every page
 * it links to, since `astro dev` renders, and so warns, only on request.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDevServer, type DevServer } from './helpers/dev-server.ts';
import { buildHub, FIXTURE_HUB, FIXTURE_MINIMAL, makeSite, plainOutput, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

/** Lines Astro, Vite or Rolldown print for a warning or an error. */
const WARNING = /\[WARN\]|\[ERROR\]|\bwarning\b|MODULE_LEVEL_DIRECTIVE|does not exist or is empty/i;

function warnings(output: string): string[] {
  return plainOutput(output)
    .split('\n')
    .filter((line) => WARNING.test(line));
}

describe('astro build of the fixture hub', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildHub({ env: { HUB_NOW: SAMPLE_NOW } });
  });
  afterAll(async () => {
    await site?.cleanup();
  });

  test('succeeds and prints no warning', () => {
    expect(site.exitCode, site.output).toBe(0);
    expect(warnings(site.output)).toEqual([]);
  });
});

/** Written by `astro build` only (its integrations' `astro:build:done`), so never served by `astro dev`. */
const BUILD_ONLY = /^\/(sitemap[\w-]*\.xml|pagefind\/)/;

/** The site paths a page links to (same origin, without fragments or queries). */
function internalLinks(html: string): string[] {
  const paths = [...html.matchAll(/href="(\/[^"#?]*)/g)].map((match) => match[1]!);
  return [...new Set(paths)].filter(
    (path) => !path.startsWith('//') && !path.startsWith('/_astro/') && !path.startsWith('/@') && !BUILD_ONLY.test(path),
  );
}

for (const [name, content] of [
  ['the fixture hub', FIXTURE_HUB],
  ['the minimal hub (most collections empty)', FIXTURE_MINIMAL],
] as const) {
  describe(`astro dev of ${name}`, () => {
    let site: Awaited<ReturnType<typeof makeSite>>;
    let server: DevServer;
    beforeAll(async () => {
      site = await makeSite({ content });
      server = await startDevServer(site.root);
    });
    afterAll(async () => {
      await server?.stop();
      await site?.cleanup();
    });

    test('serves the home page and every page it links to, and prints no warning', async () => {
      const get = (path: string) => fetch(`${server.origin}${path}`, { headers: { accept: 'text/html' } });
      const home = await get('/');
      expect(home.status).toBe(200);
      const failed: string[] = [];
      for (const path of internalLinks(await home.text())) {
        const response = await get(path);
        await response.arrayBuffer();
        if (response.status >= 400) failed.push(`${path}: ${response.status}`);
      }
      expect(failed).toEqual([]);
      expect(warnings(server.output())).toEqual([]);
    });
  });
}
