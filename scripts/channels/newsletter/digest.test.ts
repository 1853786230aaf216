import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import newsletter from './index.ts';
import { composeDigest } from './compose.ts';
import { digestWeek, groupDigests, weekIsOver } from './digest.ts';
import { UNSUBSCRIBE_PLACEHOLDER } from './provider.ts';
import { newsletterItem } from './test-item.ts';
import type { SyndicationItem } from '../post.ts';

const SITE = 'https://morwennahale.example';
const AVATAR = `${SITE}/_astro/portrait.jpeg`;

function note(slug: string, datePublished: string, overrides: Partial<SyndicationItem> = {}): SyndicationItem {
  return newsletterItem({
    key: `note/${slug}`,
    kind: 'note',
    slug,
    url: `${SITE}/notes/${slug}/`,
    title: `Note ${slug}`,
    summary: `The note ${slug}.`,
    html: `<p>The note ${slug}.</p>`,
    datePublished,
    homePage: `${SITE}/`,
    ...overrides,
  });
}

const MONDAY_AFTER = new Date('2026-11-30T00:00:01Z');
const NO_LEDGER = { sent: [], inFlight: new Set<string>() };

describe('digestWeek', () => {
  test('is the ISO week, Monday to Sunday, of the day the piece counts on', () => {
    expect(digestWeek('2026-11-23T00:30:00Z', 'UTC')).toMatchObject({ label: '2026-W48', monday: '2026-11-23', sunday: '2026-11-29' });
    expect(digestWeek('2026-11-29T23:59:59Z', 'UTC').label).toBe('2026-W48');
    expect(digestWeek('2026-11-30T00:00:01Z', 'UTC').label).toBe('2026-W49');
    // 2027-01-01 is a Friday: ISO week 53 of 2026.
    expect(digestWeek('2027-01-01T12:00:00Z', 'UTC').label).toBe('2026-W53');
  });

  test('counts a piece with a time of day on its date in the time zone, and keeps a date-only piece on its date', () => {
    // Sunday 23:30 in New York is Monday 04:30 UTC: the week it was written in, there.
    expect(digestWeek('2026-11-30T04:30:00Z', 'America/New_York').label).toBe('2026-W48');
    expect(digestWeek('2026-11-30T04:30:00Z', 'UTC').label).toBe('2026-W49');
    // `date: 2026-11-30` is stored as UTC midnight: Monday wherever the person is.
    expect(digestWeek('2026-11-30T00:00:00Z', 'America/New_York').label).toBe('2026-W49');
  });
});

describe('weekIsOver', () => {
  const week = digestWeek('2026-11-25T12:00:00Z', 'UTC');
  test('once its Sunday is past in the time zone', () => {
    expect(weekIsOver(week, new Date('2026-11-29T23:59:59Z'), 'UTC')).toBe(false);
    expect(weekIsOver(week, new Date('2026-11-30T00:00:00Z'), 'UTC')).toBe(true);
    // Monday 02:00 UTC is still Sunday evening in New York.
    expect(weekIsOver(week, new Date('2026-11-30T02:00:00Z'), 'America/New_York')).toBe(false);
  });
});

describe('groupDigests', () => {
  test('one digest per week, oldest first, its pieces in publication order; a week not over waits', () => {
    const late = note('late', '2026-11-27T18:00:00Z');
    const early = note('early', '2026-11-23T08:00:00Z');
    const theory = newsletterItem({ ...note('tides', '2026-11-25T10:00:00Z'), key: 'theory/tides', kind: 'theory', stage: 'hunch' });
    const thisWeek = note('this-week', '2026-11-30T09:00:00Z');
    const digests = groupDigests([late, thisWeek, early, theory], NO_LEDGER, 'UTC', new Date('2026-12-01T10:00:00Z'));
    expect(digests.map((digest) => [digest.id, digest.due, digest.items.map((item) => item.key)])).toEqual([
      ['digest-2026-W48', true, ['note/early', 'theory/tides', 'note/late']],
      ['digest-2026-W49', false, ['note/this-week']],
    ]);
    expect(digests[1]!.waiting).toBe('waiting for the digest of week 2026-W49 (sent after 2026-12-06)');
  });

  test('nothing pending, no digest', () => {
    expect(
      groupDigests(
        [],
        { sent: [{ item: note('sent', '2026-11-23T08:00:00Z'), remoteId: 'e1' }], inFlight: new Set() },
        'UTC',
        MONDAY_AFTER,
      ),
    ).toEqual([]);
  });

  test('a piece of a week whose digest already went out goes in a second digest with a marker of its own', () => {
    const sent = [
      { item: note('a', '2026-11-23T08:00:00Z'), remoteId: 'email-1' },
      { item: note('b', '2026-11-24T08:00:00Z'), remoteId: 'email-1' },
      { item: note('older', '2026-11-10T08:00:00Z'), remoteId: 'email-0' },
    ];
    const [digest] = groupDigests([note('approved-late', '2026-11-25T08:00:00Z')], { sent, inFlight: new Set() }, 'UTC', MONDAY_AFTER);
    expect(digest!.id).toBe('digest-2026-W48-2');
  });

  test('a piece new to a week whose digest an interrupted run may have sent waits until that digest is settled', () => {
    const [a, b, late] = [note('a', '2026-11-23T08:00:00Z'), note('b', '2026-11-24T08:00:00Z'), note('late', '2026-11-25T08:00:00Z')];
    const digests = groupDigests([a, b, late], { sent: [], inFlight: new Set([a.key, b.key]) }, 'UTC', MONDAY_AFTER);
    expect(digests.map((digest) => [digest.id, digest.due, digest.items.map((item) => item.key), digest.waiting])).toEqual([
      ['digest-2026-W48', true, ['note/a', 'note/b'], expect.any(String)],
      ['digest-2026-W48-2', false, ['note/late'], 'waiting for digest-2026-W48, which an interrupted run may have sent, to be settled'],
    ]);
  });
});

describe('composeDigest', () => {
  const author = { name: 'Morwenna Hale', url: `${SITE}/about/`, avatar: AVATAR };
  const items = [
    note('village-hall', '2026-11-23T19:00:00Z', {
      author,
      title: 'Village hall',
      summary: 'Spent the evening at a village hall & <listened>.',
    }),
    newsletterItem({
      ...note('tides', '2026-11-25T10:00:00Z'),
      key: 'theory/tides',
      kind: 'theory',
      title: 'Tides decide',
      stage: 'working-theory',
      summary: '',
      html: '<h2>Why</h2><p>The first paragraph stands in for a summary.</p><p>Not this one.</p>',
      author,
    }),
  ];

  test('one email for the week: its pieces linked, dated, with the theory’s stage, summary or first paragraph', async () => {
    const post = await composeDigest(groupDigests(items, NO_LEDGER, 'UTC', MONDAY_AFTER)[0]!);
    expect(post.itemKey).toBe('digest-2026-W48');
    expect(post.email).toMatchObject({
      subject: 'Notes and theories from the week of 23 November 2026',
      marker: 'digest-2026-W48',
      webUrl: `${SITE}/`,
    });
    // No one piece's copy: found by its marker only, never by a piece's address.
    expect(post.email.canonicalUrl).toBeUndefined();
    const { document } = parseHTML(post.email.html);
    const entries = [...document.querySelectorAll('h2.entry a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(entries).toEqual([
      ['Village hall', `${SITE}/notes/village-hall/`],
      ['Tides decide', `${SITE}/notes/tides/`],
    ]);
    expect([...document.querySelectorAll('p.dated')].map((p) => p.textContent)).toEqual([
      '23 November 2026',
      '25 November 2026 · Working theory',
    ]);
    expect(post.email.html).toContain('Spent the evening at a village hall &amp; &lt;listened&gt;.');
    expect(post.email.html).toContain('The first paragraph stands in for a summary.');
    expect(post.email.html).not.toContain('Not this one.');
    // The week as the language writes a range (ICU: "23 – 29 November 2026" in English).
    expect(post.email.html).toMatch(/23\s?–\s?29 November 2026/);
  });

  test('has the single email’s look: photo, name, web link, invitation to reply, unsubscribe, dark mode, plain text', async () => {
    const post = await composeDigest(groupDigests(items, NO_LEDGER, 'UTC', MONDAY_AFTER)[0]!);
    const { document } = parseHTML(post.email.html);
    expect(document.querySelector(`img[src="${AVATAR}"]`)?.getAttribute('width')).toBe('64');
    expect(post.email.html).toContain('Morwenna Hale');
    expect(post.email.html).toContain('Reply to this email to answer Morwenna Hale directly');
    expect(document.querySelector(`a[href="${SITE}/"]`)?.textContent).toMatch(/More on the site/);
    expect(document.querySelector(`a[href="${UNSUBSCRIBE_PLACEHOLDER}"]`)).not.toBeNull();
    expect(post.email.html).toContain('prefers-color-scheme: dark');
    expect(document.querySelector('script')).toBeNull();
    expect(post.text).toBe(post.email.text);
    const [subject, week, ...entries] = post.text.split('\n\n');
    expect([subject, week]).toEqual([
      'Notes and theories from the week of 23 November 2026',
      expect.stringMatching(/^23\s?–\s?29 November 2026$/),
    ]);
    expect(entries.slice(0, 2)).toEqual([
      `Village hall\n23 November 2026\nSpent the evening at a village hall & <listened>.\n${SITE}/notes/village-hall/`,
      `Tides decide\n25 November 2026 · Working theory\nThe first paragraph stands in for a summary.\n${SITE}/notes/tides/`,
    ]);
    expect(post.text).toContain(`More on the site: ${SITE}/`);
    expect(post.text).toContain(`Unsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}`);
  });
});

describe('the declaration', () => {
  test('accepts the digest’s kinds, and batches them rather than sending them alone', () => {
    const env = { NEWSLETTER_DIGEST_KINDS: 'note,theory' };
    const essay = newsletterItem();
    const aNote = note('n', '2026-11-23T08:00:00Z');
    expect(newsletter.accepts(aNote, env)).toBe(true);
    expect(newsletter.batch!.takes(aNote, env)).toBe(true);
    expect(newsletter.accepts(essay, env)).toBe(true);
    expect(newsletter.batch!.takes(essay, env)).toBe(false);
    expect(newsletter.batch!.takes(aNote, {})).toBe(false);
  });

  test('counts weeks in NEWSLETTER_DIGEST_TIME_ZONE', () => {
    const late = note('late', '2026-11-30T04:30:00Z');
    const [utc] = newsletter.batch!.group([late], NO_LEDGER, {}, new Date('2026-12-08T00:00:00Z'));
    const [ny] = newsletter.batch!.group(
      [late],
      NO_LEDGER,
      { NEWSLETTER_DIGEST_TIME_ZONE: 'America/New_York' },
      new Date('2026-12-08T00:00:00Z'),
    );
    expect([utc!.id, ny!.id]).toEqual(['digest-2026-W49', 'digest-2026-W48']);
  });
});
