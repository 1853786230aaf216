/**
 * Webmentions from a hub built for real (the minimal fixture, `follow.bridgyFed: true`, an essay that
 * links to a local target site): the built feed carries the link, `./hub run webmentions`'s run sends
 * to the target's endpoint and to a fake Bridgy Fed that reads the built page as Bridgy Fed reads a
 * post (an h-entry; the profile from the home page's representative h-card). The pages carry what
 * Bridgy Fed's docs ask of a bridged post — the hidden fed.brid.gy link outside e-content — and stay valid HTML.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mf2 } from 'microformats-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BRIDGY_FED_TARGET } from '../src/contract/webmentions-sent.ts';
import { checkHtml } from '../scripts/check/html.ts';
import { sendWebmentions } from '../scripts/webmentions/run.ts';
import { buildHub, FIXTURE_MINIMAL, PROJECT_ROOT, readText, type BuiltSite } from './helpers/site.ts';
import { startFakeBridgyFed, startTargetSite, type FakeBridgyFed, type TargetSite } from './helpers/webmention-sites.ts';

const SITE = 'https://ada-okafor.example';
const ESSAY = `${SITE}/essays/linking-out/`;

let target: TargetSite;
let bridgy: FakeBridgyFed;
let built: BuiltSite;

beforeAll(async () => {
  target = await startTargetSite();
  built = await buildHub({
    content: FIXTURE_MINIMAL,
    env: { HUB_NOW: '2026-11-25T12:00:00Z' },
    files: {
      'content/site.yaml': `url: ${SITE}\nfollow:\n  bridgyFed: true\n`,
      'content/essays/linking-out.md': [
        '---',
        'title: Linking out',
        'description: An essay that answers another site.',
        'date: 2026-11-20',
        '---',
        '',
        `As [the repair café argued](${target.page('post-1')}), mending is a skill that spreads by example.`,
        '',
      ].join('\n'),
    },
  });
  if (built.exitCode !== 0) throw new Error(built.output);
  const page = await readText(built.dist, '/essays/linking-out/');
  bridgy = await startFakeBridgyFed({ pages: new Map([[ESSAY, page]]) });
}, 600_000);

afterAll(async () => {
  await Promise.all([target?.close(), bridgy?.close(), built?.cleanup()]);
});

describe('a built hub', () => {
  test('sends the essay’s Webmentions: to the page it links to, and to Bridgy Fed, which finds an h-entry', async () => {
    const result = await sendWebmentions({
      cwd: built.root,
      feed: built.dist,
      env: { BRIDGY_FED_URL: bridgy.target },
      sleep: () => Promise.resolve(),
    });
    expect(result.failed).toBe(0);
    expect(target.received).toEqual([{ source: ESSAY, target: target.page('post-1') }]);
    expect(bridgy.bridged).toContain(ESSAY);
    expect(result.rows.filter((row) => row.item === 'essay/linking-out').map((row) => [row.target, row.status])).toEqual([
      [target.page('post-1'), 'sent'],
      [bridgy.target, 'sent'],
    ]);
    // Recorded under the project's content/evidence/, as the workflow commits it.
    const ledger = JSON.parse(await readFile(join(built.root, 'content/evidence/webmentions-sent.json'), 'utf8'));
    expect(Object.keys(ledger.sources)).toContain(ESSAY);
  });

  test('the essay page is what Bridgy Fed reads: an h-entry with content, author and date, and the hidden link to fed.brid.gy outside e-content', async () => {
    const html = await readText(built.dist, '/essays/linking-out/');
    const entry = mf2(html, { baseUrl: ESSAY }).items.find((item) => item.type?.includes('h-entry'));
    expect(entry?.properties['name']).toEqual(['Linking out']);
    expect(entry?.properties['url']).toContain(ESSAY);
    expect(entry?.properties['published']?.[0]).toMatch(/^2026-11-20/);
    expect(JSON.stringify(entry?.properties['content'])).toContain(target.page('post-1'));
    expect(JSON.stringify(entry?.properties['content'])).not.toContain('fed.brid.gy');
    expect(entry?.properties['author']?.[0]).toMatchObject({ type: ['h-card'] });
    expect(html).toMatch(new RegExp(`<a class="u-bridgy-fed" href="${BRIDGY_FED_TARGET}" hidden`));
  });

  test('the home page has the representative h-card Bridgy Fed makes the profile from (u-url and u-uid of the home page)', async () => {
    const home = mf2(await readText(built.dist, '/'), { baseUrl: `${SITE}/` });
    const card = home.items.find((item) => item.type?.includes('h-card'));
    expect(card?.properties['url']).toContain(`${SITE}/`);
    expect(card?.properties['uid']).toContain(`${SITE}/`);
    expect(card?.properties['name']?.length).toBeGreaterThan(0);
    expect(card?.properties['photo']?.length).toBeGreaterThan(0);
  });

  test('the pages stay valid HTML with the hidden link', async () => {
    const { problems } = await checkHtml(built.dist, PROJECT_ROOT);
    expect(problems).toEqual([]);
  });
});
