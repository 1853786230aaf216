/**
 * The speaking page, talk pages, the press page and /talks.ics, checked on one build of the fixture hub
 * at SAMPLE_NOW with parsers that share no code with the site: ical.js for the calendar, linkedom and
 * microformats-parser for pages, `yaml` for the content files the expectations come from.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { mf2 } from 'microformats-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  buildHub,
  distFile,
  FIXTURE_HUB,
  frontMatter,
  jsonLdOfType,
  listPages,
  meta,
  plainOutput,
  readPage,
  readText,
  SAMPLE_NOW,
  type BuiltSite,
} from './helpers/site.ts';

const SITE = 'https://morwennahale.example';
const content = FIXTURE_HUB;

interface TalkFile {
  slug: string;
  data: Record<string, any>;
  body: string;
}

async function readFolder(folder: string): Promise<TalkFile[]> {
  const names = (await readdir(join(content, folder))).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    names.map(async (name) => {
      const text = await readFile(join(content, folder, name), 'utf8');
      return {
        slug: name.replace(/\.md$/, ''),
        data: await frontMatter(join(content, folder, name)),
        body: text.replace(/^---[\s\S]*?\n---\n/, '').trim(),
      };
    }),
  );
}

/** A wall-clock time in a zone, `2027-03-10T07:45`, from Intl (the site converts the other way). */
function localIn(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

const written = (value: unknown): string => String(value).replace(' ', 'T').slice(0, 16);
const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const slugOf = (href: string | null): string => (href ?? '').replace(/^\/speaking\/|\/$/g, '');

let site: BuiltSite;
let talks: TalkFile[];
let topics: TalkFile[];
let press: TalkFile[];
let profile: Record<string, any>;
let speaking: Record<string, any>;

beforeAll(async () => {
  [site, talks, topics, press, profile, speaking] = await Promise.all([
    buildHub({ env: { HUB_NOW: SAMPLE_NOW } }),
    readFolder('talks'),
    readFolder('topics'),
    readFolder('press'),
    readFile(join(content, 'profile.yaml'), 'utf8').then(parseYaml),
    readFile(join(content, 'speaking.yaml'), 'utf8').then(parseYaml),
  ]);
});

afterAll(async () => {
  await site?.cleanup();
});

test('the fixture hub builds', () => {
  expect(site.exitCode, plainOutput(site.output)).toBe(0);
});

describe('/talks.ics', () => {
  let text: string;
  let calendar: ICAL.Component;
  let events: ICAL.Component[];
  beforeAll(async () => {
    text = await readText(site.dist, '/talks.ics');
    calendar = new ICAL.Component(ICAL.parse(text));
    events = calendar.getAllSubcomponents('vevent');
  });

  test('is RFC 5545 text: VERSION, PRODID, CRLF line ends, folded at 75 octets', () => {
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
  });

  test('carries the upcoming talks and those that ended in the past year, and no others', async () => {
    const slugs = events.map((e) => slugOf(new URL(String(e.getFirstPropertyValue('url'))).pathname));
    expect(slugs).toEqual([
      'leading-in-public',
      'grid-edge-podcast',
      'trust-before-turbines-copenhagen',
      'energy-futures-week-workshop',
      'lessons-from-britain',
      'being-bold-for-change',
    ]);
    const yearAgo = new Date(SAMPLE_NOW).getTime() - 365 * 86_400_000;
    for (const talk of talks.filter((t) => !slugs.includes(t.slug))) {
      const [event] = jsonLdOfType((await readPage(site.dist, `/speaking/${talk.slug}/`)).document, 'Event') as Array<
        Record<string, string>
      >;
      expect(new Date(event!['endDate']!).getTime(), talk.slug).toBeLessThan(yearAgo);
    }
  });

  test('gives every event its fields: UID, DTSTAMP, times in the talk’s zone, STATUS, SEQUENCE, SUMMARY, LOCATION, URL', () => {
    const uids = new Set<string>();
    for (const component of events) {
      const event = new ICAL.Event(component);
      const slug = slugOf(new URL(String(component.getFirstPropertyValue('url'))).pathname);
      const talk = talks.find((t) => t.slug === slug)!;
      expect(talk, slug).toBeDefined();
      expect(event.uid).toBe(`talk-${slug}@morwennahale.example`);
      uids.add(event.uid);
      expect(String(component.getFirstPropertyValue('dtstamp'))).toBe('2026-11-25T12:00:00Z');
      expect(event.startDate.zone?.tzid).toBe('UTC');
      expect(localIn(event.startDate.toJSDate(), talk.data['timezone'])).toBe(written(talk.data['start']));
      expect(localIn(event.endDate.toJSDate(), talk.data['timezone'])).toBe(written(talk.data['end']));
      const status = talk.data['status'] ?? 'confirmed';
      expect(component.getFirstPropertyValue('status')).toBe(
        { confirmed: 'CONFIRMED', tentative: 'TENTATIVE', postponed: 'CANCELLED', cancelled: 'CANCELLED' }[status as string],
      );
      expect(component.getFirstPropertyValue('sequence')).toBe(talk.data['sequence'] ?? 0);
      expect(event.summary).toContain(talk.data['title']);
      expect(event.summary).toContain(talk.data['event'].name);
      expect(event.location).toEqual(talk.data['location'] ? expect.stringContaining(talk.data['location'].city) : talk.data['onlineUrl']);
      expect(component.getFirstPropertyValue('url')).toBe(`${SITE}/speaking/${slug}/`);
    }
    expect(uids.size).toBe(events.length);
  });

  test('puts the International Women’s Day keynote at 07:45 GMT on 10 March 2027', () => {
    const bold = events.map((e) => new ICAL.Event(e)).find((e) => e.summary.startsWith('Being Bold for Change'))!;
    expect(bold.startDate.toJSDate().toISOString()).toBe('2027-03-10T07:45:00.000Z');
    expect(bold.description).toContain('07:45–09:30 GMT (London time)');
  });

  test('keeps times right across zones and summer time (CEST, BST, EST)', () => {
    const starts = Object.fromEntries(
      events.map((e) => [
        slugOf(new URL(String(e.getFirstPropertyValue('url'))).pathname),
        new ICAL.Event(e).startDate.toJSDate().toISOString(),
      ]),
    );
    expect(starts['trust-before-turbines-copenhagen']).toBe('2026-06-18T12:00:00.000Z');
    expect(starts['grid-edge-podcast']).toBe('2026-04-21T11:00:00.000Z');
    expect(starts['lessons-from-britain']).toBe('2027-01-20T17:00:00.000Z');
  });
});

describe('talk pages', () => {
  test('exist for every talk, with Event JSON-LD that matches the content', async () => {
    const home = await readPage(site.dist, '/');
    const personId = jsonLdOfType(home.document, 'Person')[0]!['@id'];
    expect(personId).toBe(`${SITE}/#person`);
    for (const talk of talks) {
      const page = await readPage(site.dist, `/speaking/${talk.slug}/`);
      const [event] = jsonLdOfType(page.document, 'Event') as Array<Record<string, any>>;
      expect(event, talk.slug).toBeDefined();
      expect(event!['name']).toBe(talk.data['title']);
      expect(event!['url']).toBe(`${SITE}/speaking/${talk.slug}/`);
      expect(event!['performer']).toEqual({ '@id': personId });
      expect(event!['startDate']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(event!['startDate'].slice(0, 16)).toBe(written(talk.data['start']));
      expect(localIn(new Date(event!['startDate']), talk.data['timezone'])).toBe(written(talk.data['start']));
      expect(localIn(new Date(event!['endDate']), talk.data['timezone'])).toBe(written(talk.data['end']));
      const status = talk.data['status'] ?? 'confirmed';
      expect(event!['eventStatus']).toBe(
        `https://schema.org/${{ confirmed: 'EventScheduled', tentative: 'EventScheduled', postponed: 'EventPostponed', cancelled: 'EventCancelled' }[status as string]}`,
      );
      const locations = [event!['location']].flat() as Array<Record<string, any>>;
      const mode = talk.data['location'] && talk.data['onlineUrl'] ? 'Mixed' : talk.data['location'] ? 'Offline' : 'Online';
      expect(event!['eventAttendanceMode']).toBe(`https://schema.org/${mode}EventAttendanceMode`);
      if (talk.data['location']) {
        expect(locations).toContainEqual(
          expect.objectContaining({
            '@type': 'Place',
            name: talk.data['location'].venue,
            address: expect.objectContaining({
              addressLocality: talk.data['location'].city,
              addressCountry: talk.data['location'].country,
            }),
          }),
        );
      }
      if (talk.data['onlineUrl']) expect(locations).toContainEqual({ '@type': 'VirtualLocation', url: talk.data['onlineUrl'] });
      const organiser = talk.data['event'].organiser ?? talk.data['event'];
      expect(event!['organizer']).toMatchObject({ '@type': 'Organization', name: organiser.name });
      // The preview image is the one the page's Open Graph tags carry, and it exists.
      expect(event!['image']).toEqual([meta(page.document, 'og:image')]);
      expect(existsSync(distFile(site.dist, new URL(event!['image'][0]).pathname)), event!['image'][0]).toBe(true);
    }
  });

  test('give the offset in force on the day: +00:00 in a London March, +02:00 in a Copenhagen June, -05:00 in a New York January', async () => {
    const start = async (slug: string) =>
      (jsonLdOfType((await readPage(site.dist, `/speaking/${slug}/`)).document, 'Event')[0] as Record<string, string>)['startDate'];
    expect(await start('being-bold-for-change')).toBe('2027-03-10T07:45:00+00:00');
    expect(await start('trust-before-turbines-copenhagen')).toBe('2026-06-18T14:00:00+02:00');
    expect(await start('lessons-from-britain')).toBe('2027-01-20T12:00:00-05:00');
  });

  test('are h-events with a name, start and end with offsets, and a location', async () => {
    const page = await readPage(site.dist, '/speaking/being-bold-for-change/');
    const parsed = mf2(page.html, { baseUrl: `${SITE}/speaking/being-bold-for-change/` });
    const event = parsed.items.find((item) => item.type?.includes('h-event'))!;
    expect(event).toBeDefined();
    expect(event.properties['name']).toEqual(['Being Bold for Change']);
    expect(event.properties['start']).toEqual(['2027-03-10T07:45:00+00:00']);
    expect(event.properties['end']).toEqual(['2027-03-10T09:30:00+00:00']);
    expect(event.properties['url']).toContain(`${SITE}/speaking/being-bold-for-change/`);
    const location = event.properties['location']![0] as { type: string[]; properties: Record<string, unknown[]> };
    expect(location.type).toEqual(['h-card']);
    expect(location.properties['name']).toEqual(['The Harbour Rooms']);
    expect(location.properties['locality']).toEqual(['Bristol']);
  });
});

describe('/press/', () => {
  test('marks up every press quote as a Quotation by the Person, part of the published piece', async () => {
    const page = await readPage(site.dist, '/press/');
    const quotations = jsonLdOfType(page.document, 'Quotation') as Array<Record<string, any>>;
    expect(quotations).toHaveLength(press.length);
    for (const item of press) {
      const quotation = quotations.find((q) => q['text'] === item.data['quote']);
      expect(quotation, item.slug).toBeDefined();
      expect(quotation!['creator']).toEqual({ '@id': `${SITE}/#person` });
      expect(quotation!['isPartOf']).toMatchObject({
        headline: item.data['headline'],
        url: item.data['url'],
        datePublished: new Date(item.data['date']).toISOString(),
        publisher: { '@type': 'Organization', name: item.data['outlet'] },
      });
      expect(page.document.getElementById(item.slug)?.querySelector(`a[href="${item.data['url']}"]`)).toBeTruthy();
    }
  });

  test('shows outlets all as text when one has no logo (the fixture gives one logo of four)', async () => {
    const { document } = await readPage(site.dist, '/press/');
    expect(press.some((item) => item.data['logo'])).toBe(true);
    expect(press.every((item) => item.data['logo'])).toBe(false);
    expect(document.querySelectorAll('.outlets img')).toHaveLength(0);
    expect([...document.querySelectorAll('.outlets li')].map((li) => squash(li.textContent))).toEqual(
      expect.arrayContaining([...new Set(press.map((item) => item.data['outlet'] as string))]),
    );
  });

  test('lists every outlet once, linked to its quote', async () => {
    const { document } = await readPage(site.dist, '/press/');
    const outlets = [...document.querySelectorAll('.outlets li')];
    expect(outlets).toHaveLength(new Set(press.map((item) => item.data['outlet'])).size);
    for (const item of press) {
      const entry = outlets.find(
        (li) =>
          li.querySelector('a')?.getAttribute('href') === `#${item.slug}` ||
          squash(li.textContent) === item.data['outlet'] ||
          li.querySelector(`img[alt="${item.data['outlet']}"]`),
      );
      expect(entry, item.data['outlet']).toBeTruthy();
    }
  });

  test('gives the media contact and the press photos', async () => {
    const { document } = await readPage(site.dist, '/press/');
    expect(document.querySelector(`a[href^="mailto:${speaking['mediaContact'].email}"]`)).toBeTruthy();
    expect(document.querySelectorAll('a.headshot-download').length).toBe(speaking['headshots'].length);
  });
});

describe('/speaking/', () => {
  let document: Document;
  beforeAll(async () => {
    ({ document } = await readPage(site.dist, '/speaking/'));
  });

  test('starts with the photo and the name', () => {
    const main = document.querySelector('main')!;
    const first = main.querySelector('img');
    expect(first?.getAttribute('alt')).toBe(profile['photo'].alt);
    expect(squash(main.querySelector('h1')?.textContent)).toBe(profile['name']);
  });

  test('says what moment it is current as of', () => {
    const asOf = document.querySelector('time.as-of');
    expect(asOf?.getAttribute('datetime')).toBe(new Date(SAMPLE_NOW).toISOString());
    expect(squash(asOf?.textContent)).toBe('25 November 2026');
  });

  test('has every bio as selectable text, with its word count and a copy button that needs JavaScript', () => {
    for (const length of ['short', 'medium', 'long']) {
      const text: string = profile['bio'][length];
      const block = document.getElementById(`bio-${length}`);
      const paragraphs = [...(block?.querySelectorAll('p') ?? [])].map((paragraph) => paragraph.textContent);
      expect(squash(paragraphs.join(' '))).toBe(squash(text));
      expect(paragraphs.length).toBe(text.split(/\n\s*\n/).length);
      const words = text.split(/\s+/).filter(Boolean).length;
      expect(squash(document.getElementById(`bio-${length}-heading`)?.textContent)).toContain(`${words} words`);
      const button = document.querySelector(`button[data-copy-target="bio-${length}"]`);
      expect(button?.hasAttribute('hidden')).toBe(true);
    }
  });

  test('offers every headshot at full resolution, the original file, with credit and usage terms', async () => {
    const links = [...document.querySelectorAll('.headshots a.headshot-download')];
    expect(links).toHaveLength(speaking['headshots'].length);
    for (const [index, headshot] of (speaking['headshots'] as Array<Record<string, string>>).entries()) {
      const href = links[index]!.getAttribute('href')!;
      const served = await readFile(distFile(site.dist, href));
      expect(served.equals(await readFile(join(content, headshot['src']!)))).toBe(true);
      const { width = 0, height = 0 } = await sharp(served).metadata();
      expect(Math.min(width, height)).toBeGreaterThanOrEqual(1500);
      const caption = squash(links[index]!.closest('figure')?.textContent);
      expect(caption).toContain(headshot['credit']);
      expect(caption).toContain(headshot['usage']);
    }
  });

  test('offers each headshot square and landscape, for the web and for print, each file the size the page states', async () => {
    const figures = [...document.querySelectorAll('.headshots figure')];
    expect(figures).toHaveLength(speaking['headshots'].length);
    for (const figure of figures) {
      const sizes = [...figure.querySelectorAll('.headshot-sizes li')];
      expect(sizes.map((li) => squash(li.querySelector('a')?.textContent).replace(/, headshot \d+$/, ''))).toEqual([
        'Square, for the web',
        'Square, for print',
        'Landscape, for the web',
        'Landscape, for print',
      ]);
      for (const li of sizes) {
        const link = li.querySelector('a')!;
        const stated = /(\d+) × (\d+) px/.exec(li.textContent ?? '');
        expect(stated, squash(li.textContent)).not.toBeNull();
        const file = await readFile(distFile(site.dist, link.getAttribute('href')!));
        const { width, height, format } = await sharp(file).metadata();
        expect({ width, height, format }).toEqual({ width: Number(stated![1]), height: Number(stated![2]), format: 'jpeg' });
        expect(link.getAttribute('download')).toMatch(/^morwenna-hale-headshot-\d-(square|landscape)-(web|print)\.jpg$/);
        if (/print/.test(link.textContent ?? '')) {
          expect(Math.min(width!, height!)).toBeGreaterThanOrEqual(1000);
          expect(li.textContent).toMatch(/cm at 300 dpi/);
        }
      }
    }
  });

  test('lists every topic with its abstract, formats and audiences', () => {
    for (const topic of topics) {
      const item = document.getElementById(`topic-${topic.slug}`);
      expect(squash(item?.querySelector('h3')?.textContent)).toBe(topic.data['title']);
      expect(squash(item?.textContent)).toContain(squash(topic.body).slice(0, 80));
      for (const audience of topic.data['audiences']) expect(item?.textContent).toContain(audience);
    }
  });

  test('lists upcoming talks soonest first and past talks latest first, at HUB_NOW', () => {
    const listed = (id: string) =>
      [...document.querySelectorAll(`section[aria-labelledby="${id}"] .talk-list a.u-url`)].map((a) => slugOf(a.getAttribute('href')));
    // The cancelled Glasgow workshop is not upcoming (its page and the calendar still say it is cancelled).
    expect(listed('upcoming')).toEqual(['lessons-from-britain', 'being-bold-for-change']);
    expect(listed('past')).toEqual(['trust-before-turbines-copenhagen', 'grid-edge-podcast', 'leading-in-public', 'who-owns-the-wind']);
  });

  test('links past talks’ video and slides, and marks talks that are not simply confirmed', () => {
    const past = document.querySelector('section[aria-labelledby="past"]')!;
    for (const talk of talks.filter((t) => t.data['video'] || t.data['slides'])) {
      for (const url of [talk.data['video'], talk.data['slides']].filter(Boolean))
        expect(past.querySelector(`a[href="${url}"]`), url).toBeTruthy();
    }
    const upcoming = squash(document.querySelector('section[aria-labelledby="upcoming"]')?.textContent);
    expect(upcoming).not.toContain('Cancelled');
    expect(upcoming).toContain('Tentative');
  });

  test('quotes the testimonials with a name for each', () => {
    const all = talks.flatMap((talk) => (talk.data['testimonials'] ?? []) as Array<Record<string, string>>);
    const section = squash(document.querySelector('section[aria-labelledby="testimonials"]')?.textContent);
    for (const testimonial of all) {
      expect(section).toContain(testimonial['quote']);
      expect(section).toContain(testimonial['name']);
    }
  });

  test('states AV and travel needs and a booking link with a useful subject', () => {
    const requirements = squash(document.querySelector('section[aria-labelledby="requirements"]')?.textContent);
    for (const need of [...speaking['av'], ...speaking['travel']]) expect(requirements).toContain(need);
    const booking = document.querySelector('section[aria-labelledby="booking"] a[href^="mailto:"]')!.getAttribute('href')!;
    const url = new URL(booking);
    expect(url.pathname).toBe(speaking['booking'].email);
    expect(url.searchParams.get('subject')).toBe(speaking['booking'].subject);
    for (const item of speaking['booking'].include) expect(url.searchParams.get('body')).toContain(item);
  });

  test('links the calendar feed for subscribing, the press page, and appears in the navigation', () => {
    expect(document.querySelector('head link[rel="alternate"][type="text/calendar"]')?.getAttribute('href')).toBe('/talks.ics');
    expect(document.querySelector('main a[type="text/calendar"]')?.getAttribute('href')).toBe('/talks.ics');
    expect(document.querySelector('a[href="webcal://morwennahale.example/talks.ics"]')).toBeTruthy();
    expect(document.querySelector('main a[href="/press/"]')).toBeTruthy();
    expect(document.querySelector('.site-nav a[href="/speaking/"]')?.getAttribute('aria-current')).toBe('page');
    expect(document.querySelector('.site-footer a[href="/press/"]')).toBeTruthy();
  });

  test('has a print stylesheet that drops the navigation and buttons', async () => {
    const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href')!);
    const css = (await Promise.all(sheets.map((href) => readText(site.dist, href)))).join('\n');
    const print = css.slice(css.indexOf('@media print'));
    expect(css).toContain('@media print');
    expect(print).toMatch(/\.site-header[^{]*\{[^}]*display:\s*none/);
    expect(print).toMatch(/\.copy-text__actions[^{]*\{[^}]*display:\s*none/);
  });
});

test('no page but /speaking/ (and /search/, checked in search.test.ts) runs client-side JavaScript, and /speaking/ only its copy script', async () => {
  const pages = await listPages(site.dist);
  expect(pages).toContain('/speaking/');
  for (const path of pages.filter((page) => page !== '/search/')) {
    const { document } = await readPage(site.dist, path);
    const scripts = [...document.querySelectorAll('script')].filter((script) => script.getAttribute('type') !== 'application/ld+json');
    if (path === '/speaking/') {
      expect(scripts).toHaveLength(1);
      // A file, never inline (the Content-Security-Policy allows no inline script).
      const src = scripts[0]!.getAttribute('src');
      expect(src).toMatch(/^\/_astro\/.+\.js$/);
      expect(await readText(site.dist, src!)).toContain('data-copy-target');
    } else {
      expect(scripts, path).toHaveLength(0);
    }
  }
});
