/**
 * A local Buttondown (127.0.0.1, port 0) following the documented contract the newsletter channel
 * relies on (scripts/channels/newsletter/buttondown.ts lists the pages): `/v1/emails` listed in
 * numbered pages (`{ count, next, previous, results }`), created with POST (201; a draft unless
 * `status: "about_to_send"`, which needs `X-Buttondown-Live-Dangerously: true` on a key's first send),
 * sent from a draft with PATCH, read with GET `/v1/emails/<id>` (404 once gone); `Authorization:
 * Token <key>` on every request (401 without); errors as `{ code, detail }`. Faults (429 with
 * Retry-After, a lost answer) come from startFakeServer's list.
 */
import { randomUUID } from 'node:crypto';
import { startFakeServer, type FakeRequest, type FakeResponse, type FakeServer } from './fake-networks.ts';

export interface FakeButtondownEmail {
  id: string;
  subject: string;
  body: string;
  status: string;
  metadata: Record<string, unknown>;
  canonical_url: string;
  description: string;
  email_type: string;
  creation_date: string;
  absolute_url: string;
  analytics: Record<string, number>;
}

export interface FakeButtondown extends FakeServer {
  /** Every email the account has, oldest first (the list answers newest first, as the archive shows them). */
  emails: FakeButtondownEmail[];
  /** Adds an email as if made earlier (by hand, or by an attempt whose answer was lost). */
  seed: (email: Partial<FakeButtondownEmail> & Pick<FakeButtondownEmail, 'subject'>) => FakeButtondownEmail;
  /** The POSTs that made an email. */
  creates: () => FakeRequest[];
}

const error = (status: number, code: string, detail: string, headers?: Record<string, string>): FakeResponse => ({
  status,
  json: { code, detail },
  ...(headers ? { headers } : {}),
});

export async function startFakeButtondown(options: { apiKey: string; pageSize?: number; confirmed?: boolean }): Promise<FakeButtondown> {
  const pageSize = options.pageSize ?? 20;
  const emails: FakeButtondownEmail[] = [];
  let confirmed = options.confirmed ?? false;
  const make = (fields: Partial<FakeButtondownEmail> & Pick<FakeButtondownEmail, 'subject'>): FakeButtondownEmail => {
    const id = fields.id ?? randomUUID();
    const email: FakeButtondownEmail = {
      id,
      body: '',
      status: 'sent',
      metadata: {},
      canonical_url: '',
      description: '',
      email_type: 'public',
      creation_date: new Date(Date.UTC(2026, 10, 1, 9, emails.length)).toISOString(),
      absolute_url: `https://buttondown.com/example/archive/${id}/`,
      analytics: { recipients: 0, deliveries: 0, opens: 0, clicks: 0, replies: 0 },
      ...fields,
    };
    emails.push(email);
    return email;
  };

  const server = await startFakeServer((request, base) => {
    if (request.headers.authorization !== `Token ${options.apiKey}`) return error(401, 'unauthorized', 'Invalid token.');
    const one = /^\/v1\/emails\/([^/]+)$/.exec(request.path);
    if (request.path === '/v1/emails' && request.method === 'GET') {
      const page = Number(request.query.get('page') ?? '1');
      if (!Number.isSafeInteger(page) || page < 1) return error(404, 'page_invalid', 'Invalid page.');
      const newestFirst = [...emails].reverse();
      const results = newestFirst.slice((page - 1) * pageSize, page * pageSize);
      if (page > 1 && results.length === 0) return error(404, 'page_invalid', 'Invalid page.');
      const link = (n: number) => `${base}/v1/emails?page=${n}`;
      return {
        status: 200,
        json: {
          count: emails.length,
          next: page * pageSize < emails.length ? link(page + 1) : null,
          previous: page > 1 ? link(page - 1) : null,
          results,
        },
      };
    }
    if (request.path === '/v1/emails' && request.method === 'POST') {
      const body = request.json() as Record<string, unknown>;
      if (typeof body['subject'] !== 'string' || body['subject'].trim() === '')
        return error(400, 'subject_invalid', 'The subject provided is invalid or missing.');
      if (typeof body['body'] !== 'string' || body['body'] === '') return error(400, 'body_invalid', 'The email body provided is invalid.');
      const status = typeof body['status'] === 'string' ? body['status'] : 'draft';
      if (status === 'about_to_send' && !confirmed) {
        if (request.headers['x-buttondown-live-dangerously'] !== 'true')
          return error(400, 'sending_requires_confirmation', 'Sending requires the X-Buttondown-Live-Dangerously header once.');
        confirmed = true;
      }
      const email = make({
        subject: body['subject'],
        body: body['body'],
        status,
        metadata: (body['metadata'] as Record<string, unknown> | undefined) ?? {},
        canonical_url: typeof body['canonical_url'] === 'string' ? body['canonical_url'] : '',
        description: typeof body['description'] === 'string' ? body['description'] : '',
        email_type: typeof body['email_type'] === 'string' ? body['email_type'] : 'public',
      });
      return { status: 201, json: email };
    }
    if (one && request.method === 'GET') {
      const email = emails.find((candidate) => candidate.id === decodeURIComponent(one[1]!));
      return email ? { status: 200, json: email } : error(404, 'not_found', 'Not found.');
    }
    if (one && request.method === 'PATCH') {
      const email = emails.find((candidate) => candidate.id === decodeURIComponent(one[1]!));
      if (!email) return error(404, 'not_found', 'Not found.');
      const body = request.json() as Record<string, unknown>;
      if (typeof body['status'] === 'string') email.status = body['status'];
      return { status: 200, json: email };
    }
    return error(404, 'not_found', 'Not found.');
  });

  return Object.assign(server, {
    emails,
    seed: make,
    creates: () => server.requests.filter((request) => request.method === 'POST' && request.path === '/v1/emails'),
  });
}
