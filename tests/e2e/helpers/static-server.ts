/**
 * A small static server for a built hub, behaving like the hosts the site is deployed to: `/x/` serves
 * `x/index.html`, `/x` (a folder) redirects to `/x/`, a miss is answered with `404.html` and status 404.
 * It listens before the site is built (port 0, so the origin is known and the build can use it as its
 * `SITE_URL`); `setRoot` points it at the build's `dist/` once there is one.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

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

function send(request: IncomingMessage, response: ServerResponse, status: number, file: string, size: number): void {
  response.writeHead(status, { 'content-type': contentType(file), 'content-length': size, 'cache-control': 'no-cache' });
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
  const base = resolve(root);
  const target = resolve(join(base, pathname));
  // `resolve` has already collapsed any `..`; anything outside the root is a miss, never a file.
  const inside = target === base || target.startsWith(base + sep);
  let kind = inside ? await fileAt(target) : undefined;
  let file = target;
  if (kind === 'folder') {
    if (!pathname.endsWith('/')) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    file = join(target, 'index.html');
    kind = await fileAt(file);
  }
  if (kind === 'file') {
    send(request, response, 200, file, (await stat(file)).size);
    return;
  }
  const notFound = join(base, '404.html');
  if ((await fileAt(notFound)) === 'file') send(request, response, 404, notFound, (await stat(notFound)).size);
  else response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
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
