/**
 * Bluesky through `@atproto/api`. Exactly once: each (item, network) has a deterministic record key
 * (a TID built from the item's date and a hash of its key), and a PDS refuses a second record at the
 * same key — so before posting again the adapter asks for that record, and after a refused write it
 * asks again. One login per run (Bluesky allows few logins a day).
 */
import { createHash } from 'node:crypto';
import { AtpAgent, XRPCError } from '@atproto/api';
import { RequestError, retryAfterMs } from '../retry.ts';
import { requireEnv, type AdapterDeps, type MissingCredentials, type NetworkAdapter, type PreparedPost, type RemotePost } from './adapter.ts';

const COLLECTION = 'app.bsky.feed.post';
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A record key in TID form (https://atproto.com/specs/tid), which `app.bsky.feed.post` requires:
 * 53 bits of microseconds (the item's publication time plus a hash-derived offset under a
 * millisecond) and a 10-bit clock id from the same hash. The same item always gets the same key.
 */
export function recordKey(itemKey: string, datePublished: string): string {
  const hash = createHash('sha256').update(`bluesky\u0000${itemKey}`).digest();
  const micros = BigInt(Date.parse(datePublished)) * 1000n + BigInt(hash.readUInt16BE(0) % 1000);
  const clock = BigInt(hash.readUInt16BE(2) & 0x3ff);
  let value = (micros << 10n) | clock;
  let tid = '';
  for (let i = 0; i < 13; i += 1) {
    tid = TID_ALPHABET[Number(value & 31n)]! + tid;
    value >>= 5n;
  }
  return tid;
}

export interface BlueskyConfig {
  service: string;
  identifier: string;
  password: string;
  /** Where posts are seen: https://bsky.app. */
  appUrl?: string;
}

export function blueskyConfig(env: Record<string, string | undefined>): BlueskyConfig | MissingCredentials {
  const found = requireEnv(env, ['BLUESKY_IDENTIFIER', 'BLUESKY_APP_PASSWORD']);
  if ('missing' in found) return found;
  return { service: env['BLUESKY_SERVICE'] || 'https://bsky.social', identifier: found.BLUESKY_IDENTIFIER, password: found.BLUESKY_APP_PASSWORD };
}

function translate(error: unknown, method: string, url: string, now: number): unknown {
  if (error instanceof XRPCError) {
    // @atproto/xrpc reports a failed connection as status 1 (Unknown).
    const status = error.status >= 100 ? error.status : undefined;
    return new RequestError({
      method, url, status, detail: error.message, retryAfterMs: error.headers ? retryAfterMs(error.headers, now) : undefined, cause: error,
    });
  }
  return error;
}

export function createBlueskyAdapter(config: BlueskyConfig, deps: AdapterDeps): NetworkAdapter {
  const appUrl = config.appUrl ?? 'https://bsky.app';
  const timedFetch: typeof fetch = (input, init) => deps.fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(deps.timeoutMs) });
  let session: Promise<AtpAgent> | undefined;
  const agent = (): Promise<AtpAgent> => {
    session ??= (async () => {
      const created = new AtpAgent({ service: config.service, fetch: timedFetch });
      try {
        await created.login({ identifier: config.identifier, password: config.password });
      } catch (error) {
        session = undefined;
        throw translate(error, 'POST', `${config.service}/xrpc/com.atproto.server.createSession`, deps.now());
      }
      return created;
    })();
    return session;
  };
  const endpoint = (nsid: string): string => `${config.service.replace(/\/$/, '')}/xrpc/${nsid}`;

  const find = async (client: AtpAgent, rkey: string): Promise<RemotePost | undefined> => {
    const { did, handle } = client.session!;
    try {
      const { data } = await client.com.atproto.repo.getRecord({ repo: did, collection: COLLECTION, rkey });
      return { remoteId: data.uri, url: `${appUrl}/profile/${handle}/post/${rkey}` };
    } catch (error) {
      if (error instanceof XRPCError && error.error === 'RecordNotFound') return undefined;
      throw translate(error, 'GET', endpoint('com.atproto.repo.getRecord'), deps.now());
    }
  };

  const embed = async (client: AtpAgent, post: PreparedPost): Promise<Record<string, unknown>> => {
    const external: Record<string, unknown> = { uri: post.link.url, title: post.link.title, description: post.link.description };
    if (post.thumbnail) {
      try {
        const { data } = await client.uploadBlob(post.thumbnail.bytes, { encoding: post.thumbnail.mimeType });
        external['thumb'] = data.blob;
      } catch (error) {
        throw translate(error, 'POST', endpoint('com.atproto.repo.uploadBlob'), deps.now());
      }
    }
    return { $type: 'app.bsky.embed.external', external };
  };

  return {
    network: 'bluesky',
    keyFor: (item) => recordKey(item.key, item.datePublished),
    async publish(post, { key, resume }) {
      const client = await agent();
      if (resume) {
        const existing = await find(client, key);
        if (existing) return existing;
      }
      const record = {
        $type: COLLECTION, text: post.text, facets: post.facets ?? [], createdAt: new Date(deps.now()).toISOString(), embed: await embed(client, post),
      };
      try {
        const { data } = await client.com.atproto.repo.createRecord({ repo: client.session!.did, collection: COLLECTION, rkey: key, record });
        return { remoteId: data.uri, url: `${appUrl}/profile/${client.session!.handle}/post/${key}` };
      } catch (error) {
        // A write to a key that already holds a record is refused (a local PDS answers 500): it was posted before.
        const existing = await find(client, key);
        if (existing) return existing;
        throw translate(error, 'POST', endpoint('com.atproto.repo.createRecord'), deps.now());
      }
    },
    async readBack(remote) {
      const client = await agent();
      const rkey = remote.remoteId.split('/').pop()!;
      const found = await find(client, rkey);
      return { ...remote, exists: found !== undefined, metrics: {} };
    },
  };
}
