/**
 * Theories in public, built from the fixture hub: stage and confidence at the top of a theory page,
 * the revision log as a timeline, open questions and what would change the author's mind, links
 * between ideas both ways, "recently tended", feed dates that move with revisions, and the invitation
 * to argue by email when nothing has been syndicated (the fixture has no ledger).
 */
import { join } from 'node:path';
import { mf2 } from 'microformats-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildHub,
  FIXTURE_HUB,
  frontMatter,
  parseXml,
  plainOutput,
  readPage,
  readText,
  SAMPLE_NOW,
  type BuiltSite,
  type Page,
} from './helpers/site.ts';

const TRUST = '/theories/trust-before-turbines/';
const BOARDS = '/theories/boards-and-voice/';

interface Revision {
  date: Date;
  stage?: string;
  change: string;
  why: string;
}

let site: BuiltSite;
let trust: Record<string, unknown>;

beforeAll(async () => {
  site = await buildHub({ env: { HUB_NOW: SAMPLE_NOW } });
  trust = await frontMatter(join(FIXTURE_HUB, 'theories/trust-before-turbines.md'));
});

afterAll(async () => {
  await site?.cleanup();
});

const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
// The YAML parser used here (YAML 1.2) reads dates as text.
const revisions = (): Revision[] =>
  (trust['revisions'] as Array<Omit<Revision, 'date'> & { date: string | Date }>).map((revision) => ({
    ...revision,
    date: new Date(revision.date),
  }));
const latest = (): Revision => revisions().reduce((a, b) => (b.date >= a.date ? b : a));
const day = (date: Date): string => date.toISOString().slice(0, 10);

test('the fixture hub builds', () => {
  expect(site.exitCode, plainOutput(site.output)).toBe(0);
});

test('(precondition) the fixture’s theory moved from hunch to working theory in its revision log', () => {
  expect(trust['stage']).toBe('working-theory');
  expect(revisions().some((revision) => revision.stage === 'working-theory')).toBe(true);
  expect(trust['updated']).toBeUndefined();
});

describe('a theory page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await readPage(site.dist, TRUST);
  });

  test('has its header in reading order: title, summary, stage and confidence explained in one line, byline', () => {
    const header = page.document.querySelector('article header')!;
    const order = ['h1', '.p-summary', '.theory-status', '.byline'].map((selector) => {
      const element = header.querySelector(selector);
      expect(element, selector).not.toBeNull();
      return [...header.querySelectorAll('*')].indexOf(element!);
    });
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text(header.querySelector('.theory-status'))).toBe(
      `Stage: Working theory — being tested against what I see. Confidence: ${String(trust['confidence'])}`,
    );
    expect(page.html.indexOf('theory-status')).toBeLessThan(page.html.indexOf('e-content'));
  });

  test('shows the revision history as a timeline, first publication first, each with its date, change and reason', () => {
    const steps = [...page.document.querySelectorAll('#revisions ~ .timeline > li, .timeline > li')];
    expect(steps).toHaveLength(revisions().length + 1);
    expect(text(steps[0])).toContain('First published');
    const sorted = [...revisions()].sort((a, b) => a.date.getTime() - b.date.getTime());
    sorted.forEach((revision, index) => {
      const step = steps[index + 1]!;
      expect(step.querySelector('time')?.getAttribute('datetime')?.slice(0, 10)).toBe(day(revision.date));
      expect(text(step)).toContain(revision.change);
      expect(text(step)).toContain(revision.why);
      if (revision.stage) expect(text(step)).toContain('Moved to Working theory');
    });
    expect(page.document.querySelector('h2#revisions')).not.toBeNull();
  });

  test('lists the open questions and what would change the author’s mind', () => {
    const questions = [...page.document.querySelectorAll('#open-questions + ul > li')].map(text);
    expect(questions).toEqual(trust['openQuestions']);
    expect(text(page.document.querySelector('#change-my-mind + p'))).toBe(trust['changeMyMind']);
  });

  test('marks it updated on the date of its latest revision (h-entry and article metadata)', () => {
    const entry = mf2(page.html, { baseUrl: `https://x.example${TRUST}` }).items.find((item) => item.type?.includes('h-entry'))!;
    expect(String(entry.properties['updated']?.[0]).slice(0, 10)).toBe(day(latest().date));
    const modified = page.document.querySelector('meta[property="article:modified_time"]')?.getAttribute('content');
    expect(modified?.slice(0, 10)).toBe(day(latest().date));
  });

  test('lists the published pieces and stances that cite it', () => {
    const cited = [...page.document.querySelectorAll('.backlinks a')].map((a) => a.getAttribute('href'));
    expect(cited).toEqual(
      expect.arrayContaining(['/essays/owning-the-wind/', '/notes/2026-10-05-village-hall/', '/stances/#local-ownership']),
    );
  });

  test('links what it builds on', () => {
    const links = [...page.document.querySelectorAll('.entry-links:not(.backlinks) a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('/essays/owning-the-wind/');
  });

  test('ends with an invitation to argue by email, with the title in the subject, when nothing was syndicated', () => {
    const invitation = page.document.querySelector('article .argue');
    expect(invitation).not.toBeNull();
    expect(invitation!.querySelector('.u-syndication')).toBeNull();
    const mailto = new URL(invitation!.querySelector('a[href^="mailto:"]')!.getAttribute('href')!);
    expect(mailto.searchParams.get('subject')).toBe(`Re: ${trust['title']}`);
    expect(mailto.searchParams.get('body')).toContain(`${TRUST}`);
  });
});

describe('links between ideas', () => {
  test('an essay and a note citing a theory show it under “Builds on”', async () => {
    for (const path of ['/essays/owning-the-wind/', '/notes/2026-10-05-village-hall/']) {
      const { document } = await readPage(site.dist, path);
      const links = [...document.querySelectorAll('.entry-links:not(.backlinks) a')].map((a) => a.getAttribute('href'));
      expect(links, path).toContain(TRUST);
    }
  });

  test('a theory nobody cites has no “Cited by” list, and every essay ends with the invitation', async () => {
    const { document } = await readPage(site.dist, '/essays/members-not-customers/');
    expect(document.querySelector('.argue a[href^="mailto:"]')).not.toBeNull();
    const boards = await readPage(site.dist, BOARDS);
    expect([...boards.document.querySelectorAll('.backlinks a')].map((a) => a.getAttribute('href'))).toContain(
      '/essays/say-where-you-stand/',
    );
  });
});

describe('recently tended', () => {
  test('/theories/ lists theories by last change, with stage and what changed last', async () => {
    const { document } = await readPage(site.dist, '/theories/');
    const items = [...document.querySelectorAll('#recently-tended ~ .tended-list > li, .tended-list > li')];
    expect(items.map((item) => item.querySelector('a')?.getAttribute('href'))).toEqual([BOARDS, TRUST]);
    const trustItem = items[1]!;
    expect(text(trustItem)).toContain('Working theory');
    expect(text(trustItem)).toContain(latest().change);
  });

  test('the home page’s theories in motion are in the same order, less the one featured under “Start here”', async () => {
    const { document } = await readPage(site.dist, '/');
    const links = [...document.querySelectorAll('.tended-list a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([BOARDS]);
    expect(document.querySelector(`section[aria-labelledby="start-here"] a[href="${TRUST}"]`)).not.toBeNull();
  });
});

describe('feeds', () => {
  test('RSS carries <atom:updated> with the latest revision for a revised theory, and none for unrevised pieces', async () => {
    const rss = parseXml(await readText(site.dist, '/rss.xml'));
    const items: Array<Record<string, unknown>> = rss.rss.channel.item;
    const item = items.find((i) => String(i['link']).endsWith(TRUST))!;
    expect(day(new Date(String(item['atom:updated'])))).toBe(day(latest().date));
    const unrevised = items.find((i) => String(i['link']).endsWith('/essays/members-not-customers/'))!;
    expect(unrevised['atom:updated']).toBeUndefined();
  });

  test('the JSON Feed gives the revised theory date_modified of its latest revision', async () => {
    const feed = JSON.parse(await readText(site.dist, '/feed.json')) as {
      items: Array<{ url: string; date_published: string; date_modified: string }>;
    };
    const item = feed.items.find((i) => i.url.endsWith(TRUST))!;
    expect(day(new Date(item.date_modified))).toBe(day(latest().date));
    expect(item.date_modified > item.date_published).toBe(true);
  });
});
