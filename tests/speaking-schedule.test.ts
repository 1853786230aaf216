/**
 * Upcoming versus past depends on the build's moment, never on the clock: the fixture hub built at
 * HUB_NOW = 09:00 UTC on 10 March 2027, while the International Women's Day keynote (07:45–09:30) is
 * under way. Also: an unannounced (draft) talk and a press quote dated after that moment stay hidden.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHub, pageExists, plainOutput, readPage, readText, type BuiltSite } from './helpers/site.ts';

const NOW = '2027-03-10T09:00:00Z';

const draftTalk = `---
title: An unannounced keynote
event: { name: Secret Summit 2027 }
start: 2027-05-01T10:00
end: 2027-05-01T11:00
timezone: Europe/London
location: { venue: Hall, city: Leeds, country: United Kingdom }
format: keynote
draft: true
---

Not announced yet.
`;

const futurePress = `---
outlet: Tomorrow's Paper
headline: Not out yet
url: https://tomorrow.example/not-out-yet
date: 2027-04-01
kind: quoted
quote: Words that are not published yet.
---
`;

let site: BuiltSite;

beforeAll(async () => {
  site = await buildHub({
    env: { HUB_NOW: NOW },
    files: { 'content/talks/unannounced.md': draftTalk, 'content/press/not-out-yet.md': futurePress },
  });
});

afterAll(async () => {
  await site?.cleanup();
});

test('builds', () => {
  expect(site.exitCode, plainOutput(site.output)).toBe(0);
});

describe('at 09:00 UTC on 10 March 2027', () => {
  test('a talk under way is still upcoming; talks that have ended are past, cancelled ones left out', async () => {
    const { document } = await readPage(site.dist, '/speaking/');
    const listed = (id: string) =>
      [...document.querySelectorAll(`section[aria-labelledby="${id}"] .talk-list a.u-url`)].map((a) => a.getAttribute('href'));
    expect(listed('upcoming')).toEqual(['/speaking/being-bold-for-change/']);
    expect(listed('past')).toEqual([
      '/speaking/lessons-from-britain/',
      '/speaking/trust-before-turbines-copenhagen/',
      '/speaking/grid-edge-podcast/',
      '/speaking/leading-in-public/',
      '/speaking/who-owns-the-wind/',
    ]);
    expect(squash(document.querySelector('time.as-of')?.textContent)).toBe('10 March 2027');
  });

  test('the calendar keeps a year of past talks, the cancelled one included', async () => {
    const calendar = new ICAL.Component(ICAL.parse(await readText(site.dist, '/talks.ics')));
    const urls = calendar.getAllSubcomponents('vevent').map((event) => new URL(String(event.getFirstPropertyValue('url'))).pathname);
    expect(urls).toEqual([
      '/speaking/grid-edge-podcast/',
      '/speaking/trust-before-turbines-copenhagen/',
      '/speaking/energy-futures-week-workshop/',
      '/speaking/lessons-from-britain/',
      '/speaking/being-bold-for-change/',
    ]);
    const dtstamp = calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('dtstamp');
    expect(String(dtstamp)).toBe('2027-03-10T09:00:00Z');
  });

  test('a draft talk has no page and is in no list or calendar', async () => {
    expect(pageExists(site.dist, '/speaking/unannounced/')).toBe(false);
    expect(await readText(site.dist, '/speaking/')).not.toContain('An unannounced keynote');
    expect(await readText(site.dist, '/talks.ics')).not.toContain('unannounced');
  });

  test('a press quote dated after the build is not on the press page yet', async () => {
    const html = await readText(site.dist, '/press/');
    expect(html).not.toContain('Not out yet');
    expect(html).not.toContain('Tomorrow');
  });
});

function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
