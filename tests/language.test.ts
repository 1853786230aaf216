/**
 * The site speaks the language its `content/site.yaml` names: a hub whose settings say `language: en-US`
 * writes its dates the American way ("October 12, 2026") and says so in `<html lang>` and both feeds,
 * while the machine formats (ISO dates in `<time datetime>`, the feeds' dates) stay as they are.
 * (The en-GB way, the default, is what every other site test reads.)
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildHub, FIXTURE_MINIMAL, parseXml, plainOutput, readPage, readText, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

const ESSAY = '/essays/mend-it/';

let site: BuiltSite;

beforeAll(async () => {
  site = await buildHub({
    content: FIXTURE_MINIMAL,
    files: { 'content/site.yaml': 'url: https://ada-okafor.example\nlanguage: en-US\n' },
    env: { HUB_NOW: SAMPLE_NOW },
  });
});

afterAll(async () => {
  await site?.cleanup();
});

test('builds, exit code 0', () => {
  expect(site.exitCode, plainOutput(site.output)).toBe(0);
});

test('pages say en-US and write dates the US way', async () => {
  const { document } = await readPage(site.dist, ESSAY);
  expect(document.documentElement.getAttribute('lang')).toBe('en-US');
  const published = document.querySelector('time.dt-published')!;
  expect(published.textContent!.trim()).toBe('October 12, 2026');
  expect(published.getAttribute('datetime')).toBe('2026-10-12T00:00:00.000Z');
});

test('both feeds carry en-US, with machine dates unchanged', async () => {
  const feed = JSON.parse(await readText(site.dist, '/feed.json')) as { language: string; items: Array<{ date_published: string }> };
  expect(feed.language).toBe('en-US');
  expect(feed.items[0]!.date_published).toBe('2026-10-12T00:00:00.000Z');
  const rss = parseXml(await readText(site.dist, '/rss.xml'));
  expect(rss.rss.channel.language).toBe('en-US');
  expect(rss.rss.channel.item[0].pubDate).toBe('Mon, 12 Oct 2026 00:00:00 GMT');
});
