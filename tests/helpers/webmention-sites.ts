/**
 * Local sites (127.0.0.1, port 0) for the Webmention tests: the discovery cases of webmention.rocks
 * (https://webmention.rocks/, tests 1–23, each rebuilt here as that site serves it), a target site
 * whose receiver follows the W3C Recommendation (a form-encoded POST of source and target; 202, or
 * 201 with a Location), and a Bridgy Fed following its documented contract (https://fed.brid.gy/docs#web-how-post:
 * its home page declares the endpoint; a Webmention with target https://fed.brid.gy/ bridges the
 * source, which must be an h-entry). Faults are queued answers a receiver gives before its own.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mf2 } from 'microformats-parser';
import { JSON_FEED_VERSION, type JsonFeedInput, type JsonFeedItemInput } from '../../src/contract/feed.ts';

export interface SeenRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface LocalSite {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  requests: SeenRequest[];
  close: () => Promise<void>;
}

type Handler = (request: SeenRequest, response: ServerResponse, origin: string) => void;

export async function startSite(handle: Handler): Promise<LocalSite> {
  const requests: SeenRequest[] = [];
  let origin = '';
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(request);
      handle(request, response, origin);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function html(response: ServerResponse, body: string, headers: Record<string, string | string[]> = {}): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  response.end(`<!doctype html><html><head><title>test</title>${body.includes('<body>') ? body : `</head><body>${body}</body>`}</html>`);
}

/**
 * The 23 discovery tests of webmention.rocks, at `/test/<n>`: what each serves, and the endpoint a
 * sender must find (`expected`, a path on the site). Pages marked `error` are the wrong answers.
 */
export const DISCOVERY_CASES: Array<{ n: number; name: string; expected: string }> = [
  { n: 1, name: 'HTTP Link header, unquoted rel, relative URL', expected: '/test/1/webmention?head=true' },
  { n: 2, name: 'HTTP Link header, unquoted rel, absolute URL', expected: '/test/2/webmention?head=true' },
  { n: 3, name: 'HTML <link> tag, relative URL', expected: '/test/3/webmention' },
  { n: 4, name: 'HTML <link> tag, absolute URL', expected: '/test/4/webmention' },
  { n: 5, name: 'HTML <a> tag, relative URL', expected: '/test/5/webmention' },
  { n: 6, name: 'HTML <a> tag, absolute URL', expected: '/test/6/webmention' },
  { n: 7, name: 'HTTP Link header with strange casing', expected: '/test/7/webmention?head=true' },
  { n: 8, name: 'HTTP Link header, quoted rel', expected: '/test/8/webmention?head=true' },
  { n: 9, name: 'Multiple rel values on a <link> tag', expected: '/test/9/webmention' },
  { n: 10, name: 'Multiple rel values on a Link header', expected: '/test/10/webmention?head=true' },
  { n: 11, name: 'Multiple Webmention endpoints advertised: Link, <link>, <a>', expected: '/test/11/webmention' },
  { n: 12, name: 'Checking for exact match of rel=webmention', expected: '/test/12/webmention' },
  { n: 13, name: 'False endpoint inside an HTML comment', expected: '/test/13/webmention' },
  { n: 14, name: 'False endpoint in escaped HTML', expected: '/test/14/webmention' },
  { n: 15, name: 'Webmention href is an empty string', expected: '/test/15' },
  { n: 16, name: 'Multiple Webmention endpoints advertised: <a>, <link>', expected: '/test/16/webmention' },
  { n: 17, name: 'Multiple Webmention endpoints advertised: <link>, <a>', expected: '/test/17/webmention' },
  { n: 18, name: 'Multiple HTTP Link headers', expected: '/test/18/webmention?head=true' },
  { n: 19, name: 'Single HTTP Link header with multiple values', expected: '/test/19/webmention?head=true' },
  { n: 20, name: 'Link tag with no href attribute', expected: '/test/20/webmention' },
  { n: 21, name: 'Webmention endpoint has query string parameters', expected: '/test/21/webmention?query=yes' },
  { n: 22, name: 'Webmention endpoint is relative to the path', expected: '/test/22/webmention' },
  { n: 23, name: 'Webmention target is a redirect and the endpoint is relative', expected: '/test/23/page/webmention-endpoint/abc123' },
];

/** What webmention.rocks serves for each test page (its markup, reduced to what discovery reads). */
function serveDiscoveryCase(path: string, response: ServerResponse, origin: string): boolean {
  const error = (n: number): string => `/test/${n}/error`;
  const pages: Record<string, () => void> = {
    '/test/1': () => html(response, '<p>Link header</p>', { link: '</test/1/webmention?head=true>; rel=webmention' }),
    '/test/2': () => html(response, '<p>Link header</p>', { link: `<${origin}/test/2/webmention?head=true>; rel=webmention` }),
    '/test/3': () => html(response, '<link rel="webmention" href="/test/3/webmention"></head><body><p>x</p></body>'),
    '/test/4': () => html(response, `<link rel="webmention" href="${origin}/test/4/webmention"></head><body><p>x</p></body>`),
    '/test/5': () => html(response, '<p>This post has an <a href="/test/5/webmention" rel="webmention">endpoint</a>.</p>'),
    '/test/6': () => html(response, `<p>This post has an <a href="${origin}/test/6/webmention" rel="webmention">endpoint</a>.</p>`),
    '/test/7': () => {
      // The header's name in strange casing, as sent on the wire.
      response.writeHead(200, ['Content-Type', 'text/html', 'LinK', '</test/7/webmention?head=true>; rel="webmention"']);
      response.end('<!doctype html><title>7</title><p>x</p>');
    },
    '/test/8': () => html(response, '<p>x</p>', { link: '</test/8/webmention?head=true>; rel="webmention"' }),
    '/test/9': () => html(response, '<link rel="webmention somethingelse" href="/test/9/webmention"></head><body><p>x</p></body>'),
    '/test/10': () => html(response, '<p>x</p>', { link: '</test/10/webmention?head=true>; rel="webmention somethingelse"' }),
    '/test/11': () =>
      html(response, `<link rel="webmention" href="${error(11)}"></head><body><a rel="webmention" href="${error(11)}">no</a></body>`, {
        link: '</test/11/webmention>; rel="webmention"',
      }),
    '/test/12': () =>
      html(
        response,
        `<link rel="not-webmention" href="${error(12)}"><link rel="webmention" href="/test/12/webmention"></head><body>x</body>`,
      ),
    '/test/13': () =>
      html(
        response,
        `<!-- <link rel="webmention" href="${error(13)}"> --></head><body><a rel="webmention" href="/test/13/webmention">x</a></body>`,
      ),
    '/test/14': () =>
      html(
        response,
        `<p>This post contains sample code: <code>&lt;a href="${error(14)}" rel="webmention"&gt;&lt;/a&gt;</code></p><a rel="webmention" href="/test/14/webmention">x</a>`,
      ),
    '/test/15': () => html(response, '<link rel="webmention" href=""></head><body><p>x</p></body>'),
    '/test/16': () => html(response, `<a rel="webmention" href="/test/16/webmention">a</a><link rel="webmention" href="${error(16)}">`),
    '/test/17': () => html(response, `<link rel="webmention" href="/test/17/webmention"><a rel="webmention" href="${error(17)}">a</a>`),
    '/test/18': () =>
      // Two Link headers, the first not a Webmention endpoint.
      html(response, '<p>x</p>', { link: [`<${error(18)}>; rel="other"`, '</test/18/webmention?head=true>; rel="webmention"'] }),
    '/test/19': () =>
      html(response, '<p>x</p>', { link: `<${error(19)}>; rel="other", </test/19/webmention?head=true>; rel="webmention"` }),
    '/test/20': () => html(response, '<link rel="webmention"></head><body><a rel="webmention" href="/test/20/webmention">x</a></body>'),
    '/test/21': () => html(response, '<link rel="webmention" href="/test/21/webmention?query=yes"></head><body>x</body>'),
    '/test/22': () => html(response, '<link rel="webmention" href="22/webmention"></head><body>x</body>'),
    '/test/23/page': () => {
      response.writeHead(302, { location: `${origin}/test/23/page/abc123` });
      response.end();
    },
    '/test/23/page/abc123': () => html(response, '<link rel="webmention" href="webmention-endpoint/abc123"></head><body>x</body>'),
  };
  const page = pages[path];
  page?.();
  return page !== undefined;
}

/** webmention.rocks's discovery tests, each endpoint answering a Webmention with 202. */
export function startDiscoveryCases(): Promise<LocalSite> {
  return startSite((request, response, origin) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && serveDiscoveryCase(path, response, origin)) return;
    if (request.method === 'POST' && !path.endsWith('/error')) {
      response.writeHead(202).end();
      return;
    }
    response.writeHead(404).end();
  });
}

/** A queued answer a receiver gives instead of its own: a status, with headers. */
export interface Fault {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface TargetSite extends LocalSite {
  /** The pages the site has, `/post-1` …, that declare its endpoint. */
  page: (name: string) => string;
  /** The Webmentions its endpoint accepted, in order. */
  received: Array<{ source: string; target: string }>;
  /** Answers the endpoint gives, one per POST, before accepting. */
  faults: Fault[];
}

/** Whether a request is a Webmention as the spec sends it; the reason it is not, otherwise. */
function webmentionProblem(request: SeenRequest): string | undefined {
  if (!/^application\/x-www-form-urlencoded\b/.test(request.headers['content-type'] ?? ''))
    return 'expected application/x-www-form-urlencoded';
  const form = new URLSearchParams(request.body);
  for (const field of ['source', 'target']) {
    const value = form.get(field);
    if (!value || !/^https?:\/\//.test(value)) return `expected ${field}, an http(s) URL`;
  }
  if (form.get('source') === form.get('target')) return 'source and target are the same';
  return undefined;
}

/**
 * A site a piece links to: `/post-<n>` pages declare the endpoint `/webmention` (in a `<link>`), which
 * accepts a Webmention whose target is one of its pages with 202 (`created: true`: 201 and a status
 * page) and refuses anything else with 400. `/no-endpoint` declares none; `/gone` is 410; `/forbidden` 403.
 */
export async function startTargetSite(options: { created?: boolean } = {}): Promise<TargetSite> {
  const received: Array<{ source: string; target: string }> = [];
  const faults: Fault[] = [];
  const site = await startSite((request, response, origin) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && /^\/post-\w+$/.test(path)) {
      html(response, `<link rel="webmention" href="/webmention"></head><body><article class="h-entry">post</article></body>`);
    } else if (request.method === 'GET' && path === '/no-endpoint') {
      html(response, '<p>No endpoint here.</p>');
    } else if (request.method === 'GET' && path === '/gone') {
      response.writeHead(410).end();
    } else if (request.method === 'GET' && path === '/forbidden') {
      response.writeHead(403).end();
    } else if (request.method === 'POST' && path === '/webmention') {
      const fault = faults.shift();
      if (fault) {
        response.writeHead(fault.status, fault.headers ?? {}).end(fault.body ?? '');
        return;
      }
      const problem = webmentionProblem(request);
      const form = new URLSearchParams(request.body);
      const target = form.get('target') ?? '';
      if (problem || !target.startsWith(`${origin}/post-`)) {
        response.writeHead(400, { 'content-type': 'text/plain' }).end(problem ?? 'target is not a page of this site');
        return;
      }
      received.push({ source: form.get('source') ?? '', target });
      if (options.created) response.writeHead(201, { location: `/webmention/status/${received.length}` }).end();
      else response.writeHead(202).end('Accepted');
    } else {
      response.writeHead(404).end();
    }
  });
  return { ...site, page: (name) => `${site.origin}/${name}`, received, faults };
}

export interface FakeBridgyFed extends LocalSite {
  /** The address Webmentions name as their target: the home page, as https://fed.brid.gy/ is. */
  target: string;
  /** The sources it bridged, in order. */
  bridged: string[];
  faults: Fault[];
}

/**
 * Bridgy Fed as its docs describe it: its home page declares its endpoint (`/webmention`, in a Link
 * header and a `<link>`); a Webmention with target = its home page bridges the source. It fetches the
 * source and refuses (400) one without an h-entry; `pages` stands in for the web, since the pieces'
 * URLs are on the site's real domain: a source it has no page for is taken on trust.
 */
export async function startFakeBridgyFed(options: { pages?: Map<string, string> } = {}): Promise<FakeBridgyFed> {
  const bridged: string[] = [];
  const faults: Fault[] = [];
  const site = await startSite((request, response, origin) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && path === '/') {
      html(response, '<link rel="webmention" href="/webmention"></head><body><h1>Bridgy Fed</h1></body>', {
        link: `<${origin}/webmention>; rel="webmention"`,
      });
    } else if (request.method === 'POST' && path === '/webmention') {
      const fault = faults.shift();
      if (fault) {
        response.writeHead(fault.status, fault.headers ?? {}).end(fault.body ?? '');
        return;
      }
      const problem = webmentionProblem(request);
      const form = new URLSearchParams(request.body);
      const source = form.get('source') ?? '';
      if (problem || form.get('target') !== `${origin}/`) {
        response.writeHead(400, { 'content-type': 'text/plain' }).end(problem ?? `target must be ${origin}/`);
        return;
      }
      const page = options.pages?.get(source);
      if (page !== undefined) {
        const parsed = mf2(page, { baseUrl: source });
        if (!parsed.items.some((item) => item.type?.includes('h-entry'))) {
          response.writeHead(400, { 'content-type': 'text/plain' }).end(`No microformats2 h-entry found in ${source}`);
          return;
        }
      }
      bridged.push(source);
      response.writeHead(202, { 'content-type': 'text/plain' }).end('OK');
    } else {
      response.writeHead(404).end();
    }
  });
  return { ...site, target: `${site.origin}/`, bridged, faults };
}

/** A built-site stand-in: `feed.json` whose items carry the given bodies (and dates), as the site emits it. */
export function webmentionFeed(
  items: Array<{ slug: string; html: string; modified?: string }>,
  site = 'https://morwennahale.example',
): JsonFeedInput {
  return {
    version: JSON_FEED_VERSION,
    title: 'Morwenna Hale',
    home_page_url: `${site}/`,
    feed_url: `${site}/feed.json`,
    description: 'Energy, trust and the people who pay the bills.',
    language: 'en',
    authors: [{ name: 'Morwenna Hale', url: `${site}/about/` }],
    items: items.map(({ slug, html: body, modified }): JsonFeedItemInput => ({
      id: `${site}/essays/${slug}/`,
      url: `${site}/essays/${slug}/`,
      title: slug,
      summary: slug,
      content_html: body,
      date_published: '2026-11-01T00:00:00.000Z',
      date_modified: modified ?? '2026-11-01T00:00:00.000Z',
      tags: [],
      _syndication: { version: 1, kind: 'essay', slug, text: slug },
    })),
  };
}
