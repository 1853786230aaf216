/**
 * Builds the fixture hub (tests/fixtures/hub) once for every end-to-end test and serves it on
 * 127.0.0.1. The server listens first so the build can take its origin as `SITE_URL`: canonical links,
 * the sitemap in robots.txt and share-card URLs then point at the pages under test, as they point at
 * the real domain in production, and the link checker and Lighthouse's SEO audits see a consistent site.
 *
 * The fixture gets four months of collected evidence (a ledger and daily snapshots, hostile replies
 * among them), so every gate also covers the responses under pieces and the impact page's charts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { evidenceFiles, ledgerFor, SAMPLE_KEYS, snapshotSeries } from '../helpers/evidence.ts';
import { buildHub, plainOutput, PROJECT_ROOT, SAMPLE_NOW } from '../helpers/site.ts';
import { assertChromium } from './helpers/browser.ts';
import './helpers/context.ts';
import { formatFigures } from './helpers/figures.ts';
import { startStaticServer } from './helpers/static-server.ts';

/** Variables `buildHub` removes from this process (see `useCleanBuildEnvironment`), put back afterwards. */
const VITEST_ENV = ['NODE_ENV', 'DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL'];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromium();
  const server = await startStaticServer();
  const figuresDir = await mkdtemp(join(tmpdir(), 'hub-e2e-figures-'));
  const saved = Object.fromEntries(VITEST_ENV.map((key) => [key, process.env[key]]));
  let site: Awaited<ReturnType<typeof buildHub>> | undefined;
  try {
    const evidence = evidenceFiles(
      ledgerFor(SAMPLE_KEYS, ['bluesky', 'mastodon', 'x'], '2026-08-01T09:00:00.000Z'),
      snapshotSeries({ count: 120, start: '2026-07-28T06:00:00.000Z', hostile: true, replyChance: 0.06 }),
    );
    site = await buildHub({
      files: evidence,
      env: {
        HUB_NOW: SAMPLE_NOW,
        SITE_URL: server.origin,
        // The project's own card cache (as `npm run build` uses), so repeated runs do not redraw cards.
        HUB_CARD_CACHE: process.env['HUB_CARD_CACHE'] ?? join(PROJECT_ROOT, '.cache/cards'),
      },
    });
  } finally {
    for (const [key, value] of Object.entries(saved)) if (value !== undefined) process.env[key] = value;
  }
  if (site.exitCode !== 0) {
    await server.close();
    await site.cleanup();
    throw new Error(`The fixture hub did not build (exit code ${site.exitCode}):\n${plainOutput(site.output)}`);
  }
  server.setRoot(site.dist);
  project.provide('origin', server.origin);
  project.provide('dist', site.dist);
  project.provide('figuresDir', figuresDir);
  console.log(`e2e: fixture hub built in ${(site.wallMs / 1000).toFixed(1)} s, served at ${server.origin}`);

  return async () => {
    const figures = await formatFigures(figuresDir);
    if (figures) console.log(`\nQuality gates\n\n${figures}\n`);
    await server.close();
    await site.cleanup();
    await rm(figuresDir, { recursive: true, force: true });
  };
}
