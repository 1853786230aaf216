/**
 * Plain text stays text in every field of every feed. Each feed is read as a feed reader reads it: the
 * XML or JSON parsed with a real parser, then each field taken as the feed format says it is — RSS's
 * `<description>` and `<content:encoded>` and JSON Feed's `content_html` as HTML (parsed with linkedom),
 * the other fields as text — and the text written in the front matter must come out exactly, with no
 * element made of it. The iCalendar feed is read with ical.js and the sitemaps as XML.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHub, FIXTURE_HUB, parseXml, plainOutput, readText, SAMPLE_NOW, type BuiltSite } from './helpers/site.ts';

/** Markup, an entity that must stay as typed, and an ampersand of its own. */
const HOSTILE = '<img src=x onerror=alert(1)> &amp; <b>bold</b> & more';

const TITLE = `Title ${HOSTILE}`;
const DESCRIPTION = `Description ${HOSTILE}`;
const THEORY_SUMMARY = `Summary ${HOSTILE}`;
const SITE_TITLE = `Site ${HOSTILE}`;
const BIO = `Morwenna Hale writes about who owns the energy a town uses, and says so plainly: ${HOSTILE}`;
const TAG = 'a<b>c</b>';
const TALK_TITLE = `Talk ${HOSTILE}`;
/** A note's text and a talk's abstract come from Markdown; `&lt;` there is a literal `<`. */
const NOTE_MARKDOWN = 'Note &lt;img src=x onerror=alert(1)&gt; &amp;amp; &lt;b&gt;bold&lt;/b&gt; &amp; more';
const NOTE_TEXT = `Note ${HOSTILE}`;
const TALK_MARKDOWN = [
  'Abstract &lt;img src=x onerror=alert(1)&gt; &amp;amp; more',
  '',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'SUMMARY:Injected',
].join('\n');

const yaml = (value: string): string => JSON.stringify(value);

const FILES: Record<string, string> = {
  'content/essays/hostile-feed.md': [
    '---',
    `title: ${yaml(TITLE)}`,
    `description: ${yaml(DESCRIPTION)}`,
    'date: 2026-11-20',
    `tags: [${yaml(TAG)}]`,
    '---',
    '',
    'A body with a code sample, which must stay code:',
    '',
    '```html',
    '<img src=x onerror=alert(1)>',
    '```',
    '',
  ].join('\n'),
  'content/notes/2026-11-21-hostile.md': ['---', 'date: 2026-11-21', '---', '', NOTE_MARKDOWN, ''].join('\n'),
  'content/theories/hostile-theory.md': [
    '---',
    `title: ${yaml(`Theory ${HOSTILE}`)}`,
    `summary: ${yaml(THEORY_SUMMARY)}`,
    'date: 2026-11-19',
    'stage: hunch',
    `confidence: ${yaml(`Confidence ${HOSTILE}`)}`,
    '---',
    '',
    'Body.',
    '',
  ].join('\n'),
  'content/talks/hostile-talk.md': [
    '---',
    `title: ${yaml(TALK_TITLE)}`,
    'event:',
    `  name: ${yaml(`Event ${HOSTILE}`)}`,
    'start: 2026-12-10T09:30',
    'end: 2026-12-10T10:15',
    'timezone: Europe/London',
    'location:',
    `  venue: ${yaml(`Venue ${HOSTILE}`)}`,
    '  city: Bristol',
    '  country: United Kingdom',
    'format: keynote',
    'length: 40',
    '---',
    '',
    TALK_MARKDOWN,
    '',
  ].join('\n'),
};

/** What an HTML field holds once a reader renders it: its elements and its text. */
function asHtml(html: string): { elements: string[]; text: string } {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { elements: [...document.body.querySelectorAll('*')].map((element) => element.outerHTML), text: document.body.textContent ?? '' };
}

/** Every attribute in an HTML field that would run script or load something on its own. */
function liveMarkup(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.body.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes]
      .filter((attribute) => /^on/i.test(attribute.name) || /^\s*(javascript|vbscript|data):/i.test(attribute.value))
      .map((attribute) => `<${element.localName} ${attribute.name}>`),
  );
}

let site: BuiltSite;
beforeAll(async () => {
  const siteYaml = await readFile(join(FIXTURE_HUB, 'site.yaml'), 'utf8');
  const profile = await readFile(join(FIXTURE_HUB, 'profile.yaml'), 'utf8');
  const hostileProfile = profile.replace(/^ {2}short: >-\n(?: {4}.*\n)+/m, `  short: ${yaml(BIO)}\n`);
  expect(hostileProfile).not.toBe(profile);
  site = await buildHub({
    files: { ...FILES, 'content/site.yaml': `${siteYaml}title: ${yaml(SITE_TITLE)}\n`, 'content/profile.yaml': hostileProfile },
    env: { HUB_NOW: SAMPLE_NOW },
  });
});
afterAll(async () => {
  await site?.cleanup();
});

test('the hub with markup in its plain-text fields builds', () => {
  expect(site.exitCode, plainOutput(site.output)).toBe(0);
});

describe('RSS (/rss.xml), read as XML, then description and content:encoded as HTML', () => {
  let channel: any;
  const item = (path: string): any => channel.item.find((candidate: { link: string }) => new URL(candidate.link).pathname === path);
  beforeAll(async () => {
    channel = parseXml(await readText(site.dist, '/rss.xml')).rss.channel;
  });

  test('every <description> is HTML that shows the plain text exactly and makes no element', () => {
    const expected: Array<[string, string]> = [
      ['channel', BIO],
      ['/essays/hostile-feed/', DESCRIPTION],
      ['/notes/2026-11-21-hostile/', NOTE_TEXT],
      ['/theories/hostile-theory/', THEORY_SUMMARY],
    ];
    for (const [where, text] of expected) {
      const description = String(where === 'channel' ? channel.description : item(where).description);
      expect(asHtml(description), where).toEqual({ elements: [], text });
    }
  });

  test('no <description> anywhere in the feed makes an element', () => {
    for (const entry of [channel, ...channel.item]) expect(asHtml(String(entry.description)).elements, String(entry.link)).toEqual([]);
  });

  test('titles, categories and the author are the plain text exactly', () => {
    expect(channel.title).toBe(SITE_TITLE);
    expect(item('/essays/hostile-feed/').title).toBe(TITLE);
    expect(item('/theories/hostile-theory/').title).toBe(`Theory ${HOSTILE}`);
    expect(item('/essays/hostile-feed/').category).toContain(TAG);
  });

  test('content:encoded is the body’s HTML, where the code sample is text and nothing runs', () => {
    const body = String(item('/essays/hostile-feed/')['content:encoded']);
    expect(asHtml(body).text).toContain('<img src=x onerror=alert(1)>');
    for (const entry of channel.item) expect(liveMarkup(String(entry['content:encoded'])), String(entry.link)).toEqual([]);
  });
});

describe('JSON Feed (/feed.json)', () => {
  let feed: any;
  const item = (path: string): any => feed.items.find((candidate: { url: string }) => new URL(candidate.url).pathname === path);
  beforeAll(async () => {
    feed = JSON.parse(await readText(site.dist, '/feed.json'));
  });

  test('plain-text fields (title, description, summary, tags, names) hold the text exactly', () => {
    expect(feed.title).toBe(SITE_TITLE);
    expect(feed.description).toBe(BIO);
    expect(item('/essays/hostile-feed/')).toMatchObject({ title: TITLE, summary: DESCRIPTION, tags: [TAG] });
    expect(item('/notes/2026-11-21-hostile/').summary).toBe(NOTE_TEXT);
    expect(item('/theories/hostile-theory/').summary).toBe(THEORY_SUMMARY);
    expect(item('/notes/2026-11-21-hostile/')._syndication.text).toBe(NOTE_TEXT);
  });

  test('content_html is HTML in which the text written as markup is text, and nothing runs', () => {
    expect(asHtml(item('/notes/2026-11-21-hostile/').content_html)).toMatchObject({
      elements: ['<p>Note &lt;img src=x onerror=alert(1)&gt; &amp;amp; &lt;b&gt;bold&lt;/b&gt; &amp; more</p>'],
    });
    for (const entry of feed.items) expect(liveMarkup(entry.content_html), entry.url).toEqual([]);
  });
});

describe('iCalendar (/talks.ics), read with ical.js', () => {
  let events: ICAL.Event[];
  beforeAll(async () => {
    const calendar = new ICAL.Component(ICAL.parse(await readText(site.dist, '/talks.ics')));
    events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
  });

  test('the talk’s title, venue and abstract are its text exactly, and a line of the abstract cannot start an event', () => {
    const talk = events.find((event) => event.summary.includes('Talk '));
    expect(talk?.summary).toBe(`${TALK_TITLE} · Event ${HOSTILE}`);
    expect(talk?.location).toBe(`Venue ${HOSTILE}, Bristol, United Kingdom`);
    expect(talk?.description).toContain('Abstract <img src=x onerror=alert(1)> &amp; more\n\nEND:VEVENT BEGIN:VEVENT SUMMARY:Injected');
    expect(events.filter((event) => event.summary === 'Injected')).toEqual([]);
  });
});

describe('sitemaps', () => {
  test('are XML whose every address is an http(s) page of the site', async () => {
    const index = parseXml(await readText(site.dist, '/sitemap-index.xml'));
    const maps: string[] = index.sitemapindex.sitemap.map((entry: { loc: string }) => new URL(entry.loc).pathname);
    const locations = (
      await Promise.all(
        maps.map(async (path) => parseXml(await readText(site.dist, path)).urlset.url.map((url: { loc: string }) => url.loc)),
      )
    ).flat();
    expect(locations.length).toBeGreaterThan(10);
    for (const location of locations) expect(new URL(location).origin, location).toBe('https://morwennahale.example');
    expect(locations.map((location) => new URL(location).pathname)).toContain('/tags/a-b-c-b/');
  });
});
