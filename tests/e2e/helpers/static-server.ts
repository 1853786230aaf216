/**
 * A small static server for a built hub, behaving like the hosts the site is deployed to: `/x/` serves
 * `x/index.html`, `/x` (a folder) redirects to `/x/`, a miss is answered with `404.html` and status 404,
 * and every response carries the headers the root's `_headers` file gives its path (the file Netlify and
 * Cloudflare Pages read: the Content-Security-Policy and the other security headers, Cache-Control for
 * `/_astro/*`), so the browser tests run under the policy the real site is served with.
 * It listens before the site is built (port 0, so the origin is known and the build can use it as its
 * `SITE_URL`); `setRoot` points it at the build's `dist/` once there is one.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../../scripts/check/csp.ts';

/** Content types of every kind of file a hub's dist/ holds (pages, feeds, calendar, cards, search index). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  // Pagefind's index chunks and fragments are compressed binary files it fetches and decodes itself.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pdf': 'application/pdf',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  setRoot(root: string): void;
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<'file' | 'folder' | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : undefined;
  } catch {
    return undefined;
  }
}

/** The rules of `<root>/_headers`, read once per root; none when the root has no such file. */
const rulesByRoot = new Map<string, Promise<HeaderRule[]>>();

function headerRules(root: string): Promise<HeaderRule[]> {
  let rules = rulesByRoot.get(root);
  if (!rules) {
    rules = readFile(join(root, '_headers'), 'utf8').then(parseHeadersFile, (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    // A file that does not parse fails every request (status 500, the parser's message), not silently.
    rulesByRoot.set(root, rules);
  }
  return rules;
}

/**
 * `defaults` with the headers `_headers` gives a request path laid over them, as the hosts do: a rule's
 * header replaces the server's own (Cache-Control for `/_astro/*`). Where two rules set one header, the
 * values are joined with a comma, as Cloudflare Pages does (Netlify keeps one); public/_headers sets
 * each header once per path and tests/security-headers.test.ts holds it to that.
 */
function withSiteHeaders(rules: HeaderRule[], path: string, defaults: OutgoingHttpHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { ...defaults };
  for (const [name, values] of headersFor(rules, path)) headers[name] = values.join(', ');
  return headers;
}

interface Reply {
  request: IncomingMessage;
  response: ServerResponse;
  /** The headers `_headers` gives the requested path. */
  site(defaults: OutgoingHttpHeaders): OutgoingHttpHeaders;
}

function send({ request, response, site }: Reply, status: number, file: string, size: number): void {
  response.writeHead(status, site({ 'content-type': contentType(file), 'content-length': size, 'cache-control': 'no-cache' }));
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

async function handle(root: string | undefined, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!root) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The site is still being built.');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  // Rules match the path as requested (`/essays/x/`, not the index.html that answers it); a miss gets
  // the headers of the path asked for, with the 404 page.
  const rules = await headerRules(resolve(root));
  const reply: Reply = { request, response, site: (defaults) => withSiteHeaders(rules, pathname, defaults) };
  const base = resolve(root);
  const target = resolve(join(base, pathname));
  // `resolve` has already collapsed any `..`; anything outside the root is a miss, never a file.
  const inside = target === base || target.startsWith(base + sep);
  let kind = inside ? await fileAt(target) : undefined;
  let file = target;
  if (kind === 'folder') {
    if (!pathname.endsWith('/')) {
      response.writeHead(301, reply.site({ location: `${url.pathname}/${url.search}` })).end();
      return;
    }
    file = join(target, 'index.html');
    kind = await fileAt(file);
  }
  if (kind === 'file') {
    send(reply, 200, file, (await stat(file)).size);
    return;
  }
  const notFound = join(base, '404.html');
  if ((await fileAt(notFound)) === 'file') send(reply, 404, notFound, (await stat(notFound)).size);
  else response.writeHead(404, reply.site({ 'content-type': 'text/plain; charset=utf-8' })).end('Not found');
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startStaticServer(root?: string): Promise<StaticServer> {
  let current = root;
  const server: Server = createServer((request, response) => {
    handle(current, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setRoot: (next) => (current = next),
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolveClose()));
      }),
  };
}
