/**
 * How the press watch reads the web, politely and defensively: one request per host at a time,
 * robots.txt obeyed (RFC 9309: a robots.txt that answers 4xx allows everything; one that cannot be
 * read, or answers 5xx, allows nothing), http(s) only, redirects followed by hand up to a limit with
 * loops caught, each request given a time limit, and a body refused once it passes a size limit —
 * a huge page costs at most that many bytes, never the run.
 */
import robotsParser from 'robots-parser';
import { httpUrl } from './urls.ts';

export interface FetchLimits {
  /** The most bytes read of one body (default 2 MB). */
  maxBytes: number;
  /** One request, body included (default 20 s). */
  timeoutMs: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { maxBytes: 2 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5 };

/** Who is asking, as robots.txt rules and server logs see it. */
export const USER_AGENT = 'thought-leadership-hub-press-watch/1 (+https://github.com/thought-leadership-hub)';
const ROBOTS_AGENT = 'thought-leadership-hub-press-watch';

export interface Fetched {
  /** The address the body came from, after redirects. */
  url: string;
  contentType: string | undefined;
  body: Uint8Array;
}

/** A request that could not give a usable page: the message is the one line the summary shows. */
export class FetchProblem extends Error {}

type Robots = { isAllowed(url: string, agent: string): boolean | undefined };

export interface PoliteFetcher {
  /** GETs `address`, following redirects; `robots: true` asks the host's robots.txt first. */
  get(address: string, options: { accept: string; robots: boolean }): Promise<Fetched>;
}

export function politeFetcher(options: { limits?: Partial<FetchLimits>; fetch?: typeof fetch } = {}): PoliteFetcher {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const fetchImpl = options.fetch ?? fetch;
  const queues = new Map<string, Promise<unknown>>();
  const robotsByOrigin = new Map<string, Promise<Robots | 'nothing allowed'>>();

  /** Runs `task` after every earlier task for `host` has finished: one request per host at a time. */
  const onHost = <T>(host: string, task: () => Promise<T>): Promise<T> => {
    const next = (queues.get(host) ?? Promise.resolve()).then(task, task);
    queues.set(
      host,
      next.catch(() => undefined),
    );
    return next;
  };

  /** One request and its body (read within the size limit), or the redirect's target. */
  const request = (
    url: URL,
    accept: string,
  ): Promise<{ status: number; location?: string | undefined; contentType?: string; body?: Uint8Array }> =>
    onHost(url.host, async () => {
      const signal = AbortSignal.timeout(limits.timeoutMs);
      let response: Response;
      try {
        response = await fetchImpl(url, { redirect: 'manual', signal, headers: { accept, 'user-agent': USER_AGENT } });
      } catch (error) {
        throw new FetchProblem(signal.aborted ? `no answer within ${limits.timeoutMs / 1000} s` : `unreachable (${causeOf(error)})`);
      }
      const contentType = response.headers.get('content-type') ?? undefined;
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        return { status: response.status, location: response.headers.get('location') ?? undefined };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return { status: response.status };
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > limits.maxBytes) {
        await response.body?.cancel();
        throw new FetchProblem(`larger than the ${describeBytes(limits.maxBytes)} limit (${describeBytes(declared)})`);
      }
      try {
        return { status: response.status, ...(contentType ? { contentType } : {}), body: await readLimited(response, limits.maxBytes) };
      } catch (error) {
        if (error instanceof FetchProblem) throw error;
        throw new FetchProblem(signal.aborted ? `no answer within ${limits.timeoutMs / 1000} s` : `broken response (${causeOf(error)})`);
      }
    });

  const robotsFor = (url: URL): Promise<Robots | 'nothing allowed'> => {
    let robots = robotsByOrigin.get(url.origin);
    if (!robots) {
      const address = new URL('/robots.txt', url.origin);
      robots = request(address, 'text/plain').then(
        (answer) => {
          if (answer.status >= 200 && answer.status < 300) return robotsParser(address.href, new TextDecoder().decode(answer.body));
          if (answer.status >= 300 && answer.status < 500) return robotsParser(address.href, '');
          return 'nothing allowed' as const;
        },
        () => 'nothing allowed' as const,
      );
      robotsByOrigin.set(url.origin, robots);
    }
    return robots;
  };

  return {
    async get(address, { accept, robots }) {
      let url = httpUrl(address);
      if (!url) throw new FetchProblem('not an http(s) address');
      const visited = new Set<string>();
      for (let hop = 0; ; hop += 1) {
        url.hash = '';
        if (visited.has(url.href)) throw new FetchProblem(`redirect loop (back to ${url.href})`);
        visited.add(url.href);
        if (robots) {
          const rules = await robotsFor(url);
          if (rules === 'nothing allowed') throw new FetchProblem(`${url.host}/robots.txt could not be read, so nothing there is fetched`);
          if (rules.isAllowed(url.href, ROBOTS_AGENT) === false) throw new FetchProblem(`robots.txt of ${url.host} disallows it`);
        }
        const answer = await request(url, accept);
        if (answer.location !== undefined) {
          if (hop >= limits.maxRedirects) throw new FetchProblem(`more than ${limits.maxRedirects} redirects`);
          const next = httpUrl(answer.location, url.href);
          if (!next) throw new FetchProblem(`redirected to a non-http(s) address`);
          url = next;
          continue;
        }
        if (!answer.body) throw new FetchProblem(`HTTP ${answer.status}`);
        return { url: url.href, contentType: answer.contentType, body: answer.body };
      }
    },
  };
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchProblem(`larger than the ${describeBytes(maxBytes)} limit`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`
    : `${Math.ceil(bytes / 1024)} kB`;
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return (cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) || cause.name : String(cause)).split('\n')[0]!;
}
