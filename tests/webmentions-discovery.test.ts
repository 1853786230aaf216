/**
 * Webmention endpoint discovery (scripts/webmentions/discover.ts) against every discovery case of
 * webmention.rocks, served by a local site, and against the limits that keep a target's answer data:
 * redirects counted, only http(s) endpoints, the body read up to a size, 404/410 as gone, 5xx retryable.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discoverEndpoint, parseLinkHeader, type DiscoveryDeps } from '../scripts/webmentions/discover.ts';
import { sendWebmention } from '../scripts/webmentions/send.ts';
import { RequestError } from '../scripts/lib/retry.ts';
import { DISCOVERY_CASES, startDiscoveryCases, startSite, type LocalSite } from './helpers/webmention-sites.ts';

const deps: DiscoveryDeps = { fetch: globalThis.fetch, timeoutMs: 10_000, now: Date.now };

describe('discovery, the webmention.rocks cases', () => {
  let rocks: LocalSite;
  beforeAll(async () => {
    rocks = await startDiscoveryCases();
  });
  afterAll(() => rocks.close());

  test.each(DISCOVERY_CASES)('test $n: $name', async ({ n, expected }) => {
    const target = `${rocks.origin}/test/${n}${n === 23 ? '/page' : ''}`;
    expect(await discoverEndpoint(target, deps)).toEqual({ kind: 'endpoint', endpoint: `${rocks.origin}${expected}` });
  });

  test('the Webmention goes to the endpoint with its query string kept (test 21)', async () => {
    const endpoint = `${rocks.origin}/test/21/webmention?query=yes`;
    const outcome = await sendWebmention(endpoint, 'https://morwennahale.example/essays/a/', `${rocks.origin}/test/21`, deps);
    expect(outcome).toEqual({ kind: 'sent', httpStatus: 202, location: undefined });
    const post = rocks.requests.findLast((request) => request.method === 'POST');
    expect(post?.url).toBe('/test/21/webmention?query=yes');
    expect(post?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(post?.body))).toEqual({
      source: 'https://morwennahale.example/essays/a/',
      target: `${rocks.origin}/test/21`,
    });
  });
});

describe('the Link header', () => {
  test('several links in one header, quoted commas and several rel values', () => {
    expect(parseLinkHeader('<https://a.example/x>; rel="preload next", <https://b.example/w?a=1,2>; title="a, b"; rel=webmention')).toEqual(
      [
        { href: 'https://a.example/x', rel: 'preload next' },
        { href: 'https://b.example/w?a=1,2', rel: 'webmention' },
      ],
    );
  });
});

describe('discovery limits', () => {
  let site: LocalSite;
  beforeAll(async () => {
    site = await startSite((request, response, origin) => {
      const path = request.url.split('?')[0] ?? '';
      const page = (body: string, headers: Record<string, string> = {}): void => {
        response.writeHead(200, { 'content-type': 'text/html', ...headers }).end(body);
      };
      if (path.startsWith('/loop/')) {
        const n = Number(path.split('/')[2]);
        response.writeHead(301, { location: `${origin}/loop/${n + 1}` }).end();
      } else if (path === '/to-ftp') response.writeHead(302, { location: 'ftp://files.example/x' }).end();
      else if (path === '/javascript') page('<link rel="webmention" href="javascript:alert(1)"><a rel="webmention" href="/wm">x</a>');
      else if (path === '/only-javascript') page('<link rel="webmention" href="javascript:alert(1)">');
      else if (path === '/big') page(`<p>${'x'.repeat(200_000)}</p><link rel="webmention" href="/wm">`);
      else if (path === '/image') page('<link rel="webmention" href="/wm">', { 'content-type': 'image/png' });
      else if (path === '/gone') response.writeHead(410).end();
      else if (path === '/busy') response.writeHead(503, { 'retry-after': '7' }).end();
      else if (path === '/forbidden') response.writeHead(403).end();
      else response.writeHead(404).end();
    });
  });
  afterAll(() => site.close());

  test('redirects are followed up to the limit, then refused', async () => {
    await expect(discoverEndpoint(`${site.origin}/loop/0`, { ...deps, maxRedirects: 3 })).rejects.toThrow(/more than 3 redirects/);
  });

  test('a redirect to another scheme is not followed', async () => {
    await expect(discoverEndpoint(`${site.origin}/to-ftp`, deps)).rejects.toThrow(/non-http\(s\)/);
  });

  test('only an http(s) endpoint is taken: a javascript: one is passed over for the next', async () => {
    expect(await discoverEndpoint(`${site.origin}/javascript`, deps)).toEqual({ kind: 'endpoint', endpoint: `${site.origin}/wm` });
    expect(await discoverEndpoint(`${site.origin}/only-javascript`, deps)).toEqual({ kind: 'none' });
  });

  test('the page is read up to the size limit only', async () => {
    expect(await discoverEndpoint(`${site.origin}/big`, { ...deps, maxBytes: 100_000 })).toEqual({ kind: 'none' });
    expect(await discoverEndpoint(`${site.origin}/big`, deps)).toEqual({ kind: 'endpoint', endpoint: `${site.origin}/wm` });
  });

  test('a page that is not HTML declares no endpoint in its body', async () => {
    expect(await discoverEndpoint(`${site.origin}/image`, deps)).toEqual({ kind: 'none' });
  });

  test('404 and 410 are gone; a 5xx is retryable with the wait asked; another 4xx is not', async () => {
    expect(await discoverEndpoint(`${site.origin}/gone`, deps)).toEqual({ kind: 'gone', status: 410, url: `${site.origin}/gone` });
    expect(await discoverEndpoint(`${site.origin}/nothing`, deps)).toMatchObject({ kind: 'gone', status: 404 });
    const busy = await discoverEndpoint(`${site.origin}/busy`, deps).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(RequestError);
    expect(busy).toMatchObject({ status: 503, retryable: true, retryAfterMs: 7000 });
    await expect(discoverEndpoint(`${site.origin}/forbidden`, deps)).rejects.toMatchObject({ status: 403, retryable: false });
  });

  test('only http(s) targets are fetched', async () => {
    await expect(discoverEndpoint('file:///etc/passwd', deps)).rejects.toThrow(/not an http\(s\) address/);
  });
});
