import { afterEach, describe, expect, test } from 'vitest';
import { startFakeButtondown, type FakeButtondown } from '../../../tests/helpers/fake-buttondown.ts';
import type { NetworkAdapter, PublishOptions } from '../adapter.ts';
import { credentialsRejected, mayHaveReachedNetwork, RequestError, withRetry } from '../../lib/retry.ts';
import { createNewsletterAdapter } from './adapter.ts';
import { BUTTONDOWN_API_VERSION, createButtondown, describeButtondownError, MARKER_KEY, withoutTemplateTags } from './buttondown.ts';
import { composeNewsletter, type NewsletterPost } from './compose.ts';
import { UNSUBSCRIBE_PLACEHOLDER } from './provider.ts';
import { newsletterItem, PIECE_URL } from './test-item.ts';

const API_KEY = 'bd-test-key-0123456789';
let server: FakeButtondown | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(options: { pageSize?: number; confirmed?: boolean } = {}): Promise<{ fake: FakeButtondown; adapter: NetworkAdapter }> {
  const fake = await startFakeButtondown({ apiKey: API_KEY, ...options });
  server = fake;
  const provider = createButtondown(
    { apiKey: API_KEY, baseUrl: `${fake.url}/v1` },
    { fetch: globalThis.fetch, timeoutMs: 5_000, now: Date.now },
  );
  return { fake, adapter: createNewsletterAdapter(provider) };
}

const FIRST: PublishOptions = { key: 'k', resume: false, startedAt: '2026-12-01T08:00:00.000Z' };
const RESUME: PublishOptions = { ...FIRST, resume: true };

let post: NewsletterPost | undefined;
async function essay(): Promise<NewsletterPost> {
  post ??= await composeNewsletter(newsletterItem({ html: '<p>Template tags such as {{ name }} and {% if %} stay words.</p>' }));
  return post;
}

describe('sending through Buttondown', () => {
  test('sends once: a token-authenticated POST at the pinned API version, marked with the piece, to be sent now', async () => {
    const { fake, adapter } = await setUp();
    const published = await adapter.publish(await essay(), FIRST);

    expect(fake.creates()).toHaveLength(1);
    const [create] = fake.creates();
    expect(create!.headers['authorization']).toBe(`Token ${API_KEY}`);
    expect(create!.headers['x-api-version']).toBe(BUTTONDOWN_API_VERSION);
    expect(create!.headers['x-buttondown-live-dangerously']).toBe('true');
    const body = create!.json();
    expect(body).toMatchObject({
      subject: 'Owning the wind',
      status: 'about_to_send',
      email_type: 'public',
      canonical_url: PIECE_URL,
      metadata: { [MARKER_KEY]: 'essay/owning-the-wind' },
    });
    // The essay's own braces cannot run as Buttondown template code; the unsubscribe link is Buttondown's.
    expect(body.body).toMatch(/^<!-- buttondown-editor-mode: naked -->\n<!doctype html>/i);
    expect(body.body).toContain('&#123;{ name }} and &#123;% if %}');
    expect(body.body).toContain('href="{{ unsubscribe_url }}"');
    expect(body.body).not.toContain(UNSUBSCRIBE_PLACEHOLDER);

    const email = fake.emails[0]!;
    expect(published).toEqual({ remoteId: email.id, url: email.absolute_url });
    expect(email.status).toBe('about_to_send');
  });

  test('a resumed attempt finds the email the lost answer made, and does not send it again', async () => {
    const { fake, adapter } = await setUp({ pageSize: 2 });
    for (let i = 0; i < 5; i += 1) fake.seed({ subject: `Older ${i}` });
    fake.faults.push({ kind: 'lost-answer', when: (request) => request.method === 'POST', times: 1 });

    const first = await adapter.publish(await essay(), FIRST).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(RequestError);
    expect(mayHaveReachedNetwork(first)).toBe(true);
    // Newer emails pushed the lost one off the first page: the look pages on until it finds the marker.
    fake.seed({ subject: 'A newer one' });
    fake.seed({ subject: 'And another' });

    const before = fake.requests.length;
    const resumed = await adapter.publish(await essay(), RESUME);
    expect(fake.creates()).toHaveLength(1);
    const made = fake.emails.find((email) => email.metadata[MARKER_KEY] === 'essay/owning-the-wind')!;
    expect(resumed).toMatchObject({ remoteId: made.id, url: made.absolute_url });
    expect(resumed.note).toMatch(/already had it \(about_to_send\); not sent again/);
    expect(fake.requests.slice(before).map((request) => `${request.method} ${request.query.get('page') ?? '1'}`)).toEqual([
      'GET 1',
      'GET 2',
    ]);
  });

  test('an email the person made by hand for the piece (its canonical URL) counts as sent', async () => {
    const { fake, adapter } = await setUp();
    const byHand = fake.seed({ subject: 'Owning the wind (sent by hand)', canonical_url: PIECE_URL });
    fake.seed({ subject: 'Something else' });
    const published = await adapter.publish(await essay(), { ...FIRST, unrecorded: true, startedAt: '2026-11-30T09:00:00.000Z' });
    expect(fake.creates()).toHaveLength(0);
    expect(published.remoteId).toBe(byHand.id);
  });

  test('a draft an earlier attempt left is sent, not made a second time', async () => {
    const { fake, adapter } = await setUp();
    const draft = fake.seed({ subject: 'Owning the wind', status: 'draft', metadata: { [MARKER_KEY]: 'essay/owning-the-wind' } });
    const published = await adapter.publish(await essay(), RESUME);
    expect(fake.creates()).toHaveLength(0);
    expect(fake.requests.filter((request) => request.method === 'PATCH').map((request) => [request.path, request.json()])).toEqual([
      [`/v1/emails/${draft.id}`, { status: 'about_to_send' }],
    ]);
    expect(published.remoteId).toBe(draft.id);
    expect(draft.status).toBe('about_to_send');
  });

  test('Buttondown’s “duplicate” refusal is answered with the email it already has', async () => {
    const { fake, adapter } = await setUp();
    fake.faults.push({
      kind: 'status',
      // The look finds nothing, the email appears meanwhile (another run), and the POST is refused as a duplicate.
      when: (request) => {
        if (request.method !== 'POST') return false;
        fake.seed({ subject: 'Owning the wind', status: 'sent', metadata: { [MARKER_KEY]: 'essay/owning-the-wind' } });
        return true;
      },
      times: 1,
      status: 400,
      json: { code: 'email_duplicate', detail: 'An email with the same identifiers already exists.' },
    });
    const published = await adapter.publish(await essay(), FIRST);
    expect(published.remoteId).toBe(fake.emails[0]!.id);
    expect(fake.emails).toHaveLength(1);
  });

  test('429 with Retry-After is retried after the wait Buttondown asked for', async () => {
    const { fake, adapter } = await setUp();
    fake.faults.push({
      kind: 'status',
      when: () => true,
      times: 1,
      status: 429,
      headers: { 'Retry-After': '7' },
      json: { code: 'throttled', detail: 'Request was throttled.' },
    });
    const waits: number[] = [];
    let clock = Date.parse('2026-12-01T08:00:00.000Z');
    const published = await withRetry(
      () => adapter.publish(post!, FIRST),
      { attempts: 3, baseDelayMs: 10, maxDelayMs: 30_000, totalMs: 60_000 },
      {
        sleep: async (ms) => {
          waits.push(ms);
          clock += ms;
        },
        now: () => clock,
        random: () => 0.5,
      },
    );
    // Retry-After: 7, and the retry loop's own millisecond of margin.
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(7_000);
    expect(waits[0]).toBeLessThan(7_100);
    expect(fake.creates()).toHaveLength(1);
    expect(published.remoteId).toBe(fake.emails[0]!.id);
  });

  test('a rejected email is one line naming the request, the status and Buttondown’s words, and is not retried', async () => {
    const { fake, adapter } = await setUp();
    const empty = { ...(await essay()), email: { ...(await essay()).email, subject: ' ' } };
    const error = (await adapter.publish(empty, FIRST).catch((caught: unknown) => caught)) as RequestError;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.message).toBe(`[POST] ${fake.url}/v1/emails: 400 (subject_invalid: The subject provided is invalid or missing.)`);
    expect(error.retryable).toBe(false);
    // A 4xx is a refusal before anything was made: the next run need not look for a copy.
    expect(mayHaveReachedNetwork(error)).toBe(false);
  });

  test('a wrong key says which variable to fix, and counts as rejected credentials', async () => {
    const fake = await startFakeButtondown({ apiKey: API_KEY });
    server = fake;
    const provider = createButtondown(
      { apiKey: 'wrong-key', baseUrl: `${fake.url}/v1` },
      { fetch: globalThis.fetch, timeoutMs: 5_000, now: Date.now },
    );
    const error = await createNewsletterAdapter(provider)
      .publish(await essay(), FIRST)
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      `[GET] ${fake.url}/v1/emails: 401 (unauthorized: Invalid token.; check BUTTONDOWN_API_KEY (Buttondown → Settings → API))`,
    );
    expect(credentialsRejected(error)).toBe(true);
    expect(fake.creates()).toHaveLength(0);
  });

  test('the key is never sent to another origin a page link points at', async () => {
    const { fake, adapter } = await setUp();
    fake.faults.push({
      kind: 'status',
      when: (request) => request.method === 'GET',
      times: 1,
      status: 200,
      json: { count: 9, next: 'https://elsewhere.example/v1/emails?page=2', previous: null, results: [] },
    });
    await expect(adapter.publish(await essay(), FIRST)).rejects.toThrow(/next page is not on http:\/\/127\.0\.0\.1/);
    expect(fake.creates()).toHaveLength(0);
  });
});

describe('reading an email back', () => {
  test('gives what Buttondown reports: replies, recipients, opens and clicks as counts', async () => {
    const { fake, adapter } = await setUp();
    const sent = fake.seed({
      subject: 'Owning the wind',
      analytics: { recipients: 120, deliveries: 118, opens: 64, clicks: 12, replies: 3 },
    });
    const read = await adapter.readBack({ remoteId: sent.id, url: sent.absolute_url });
    expect(read).toEqual({
      remoteId: sent.id,
      url: sent.absolute_url,
      exists: true,
      metrics: { replies: 3, recipients: 120, opens: 64, clicks: 12 },
      replies: undefined,
    });
  });

  test('an email deleted, or never there, does not exist', async () => {
    const { fake, adapter } = await setUp();
    const deleted = fake.seed({ subject: 'Gone', status: 'deleted' });
    expect(await adapter.readBack({ remoteId: deleted.id, url: deleted.absolute_url })).toMatchObject({ exists: false, metrics: {} });
    expect(await adapter.readBack({ remoteId: 'no-such-email', url: 'https://buttondown.com/x' })).toMatchObject({ exists: false });
  });
});

describe('describeButtondownError', () => {
  test('reads both of Buttondown’s error shapes as one line', () => {
    expect(describeButtondownError({ code: 'slug_invalid', detail: 'The slug is already in use.' })).toBe(
      'slug_invalid: The slug is already in use.',
    );
    expect(
      describeButtondownError({
        detail: [
          { type: 'string_too_long', loc: ['body', 'subject'], msg: 'String should have at most 2000 characters' },
          { type: 'extra_forbidden', loc: ['body', 'colour'], msg: 'Extra inputs are not permitted' },
        ],
      }),
    ).toBe('body.subject: String should have at most 2000 characters; body.colour: Extra inputs are not permitted');
    expect(describeButtondownError('')).toBeUndefined();
  });
});

describe('withoutTemplateTags', () => {
  test('defuses Django’s openers and nothing else', () => {
    expect(withoutTemplateTags('a {{ b }} {% c %} {# d #} { e } @media (x) { p { } }')).toBe(
      'a &#123;{ b }} &#123;% c %} &#123;# d #} { e } @media (x) { p { } }',
    );
  });
});
