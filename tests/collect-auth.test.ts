/**
 * Issue 14, item 15: an authentication error while reading a copy back is an error, never "the copy
 * no longer exists", on every network (an expired Threads token, Graph API code 190 with HTTP 400,
 * made `collect` drop a copy's counts).
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { NetworkAdapter } from '../scripts/channels/adapter.ts';
import { channels } from '../scripts/channels/registry.ts';
import { startFakeLinkedIn, startFakeMastodon, startFakeThreads, startFakeX, type FakeServer } from './helpers/fake-networks.ts';
import { LINKEDIN_AUTHOR, THREADS_USER, TOKENS } from './helpers/syndication.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const deps = { fetch: globalThis.fetch, timeoutMs: ANSWER_TIMEOUT_MS, now: Date.now };
const registry = await channels();

function adapter(network: 'threads' | 'x' | 'mastodon' | 'linkedin', env: Record<string, string>): NetworkAdapter {
  const made = registry.get(network)!.adapter(env, deps);
  if ('missing' in made) throw new Error(`missing ${made.missing.join(', ')}`);
  return made;
}

describe('reading back with a rejected credential (item 15)', () => {
  test('15: Threads: an expired token (400, Graph API code 190) is an error naming the token, not a deleted copy', async () => {
    const threads = await startFakeThreads({ token: TOKENS.threads, userId: THREADS_USER });
    servers.push(threads);
    threads.faults.push({
      kind: 'status',
      status: 400,
      when: () => true,
      times: 1000,
      json: {
        error: {
          message: 'Error validating access token: Session has expired on Tuesday, 01-Dec-26.',
          type: 'OAuthException',
          code: 190,
          error_subcode: 463,
        },
      },
    });
    const reader = adapter('threads', { THREADS_API_URL: threads.url, THREADS_TOKEN: TOKENS.threads, THREADS_USER_ID: THREADS_USER });
    await expect(reader.readBack({ remoteId: '1790000000000000001', url: 'https://www.threads.com/@x/post/abc' })).rejects.toThrow(
      /THREADS_TOKEN/,
    );
  });

  test('Threads: a deleted post (400, code 100) is still "no longer exists"', async () => {
    const threads = await startFakeThreads({ token: TOKENS.threads, userId: THREADS_USER });
    servers.push(threads);
    const reader = adapter('threads', { THREADS_API_URL: threads.url, THREADS_TOKEN: TOKENS.threads, THREADS_USER_ID: THREADS_USER });
    await expect(reader.readBack({ remoteId: '1790000000000000001', url: 'https://www.threads.com/@x/post/abc' })).resolves.toMatchObject({
      exists: false,
    });
  });

  test('X: a 200 whose errors say "not authorized" is an error; only "not found" is a deleted copy', async () => {
    const x = await startFakeX({ consumerKey: TOKENS.x.key });
    servers.push(x);
    const env = {
      X_API_URL: x.url,
      X_API_KEY: TOKENS.x.key,
      X_API_SECRET: TOKENS.x.secret,
      X_ACCESS_TOKEN: TOKENS.x.token,
      X_ACCESS_SECRET: TOKENS.x.tokenSecret,
    };
    x.faults.push({
      kind: 'status',
      status: 200,
      when: () => true,
      times: 1,
      json: {
        errors: [
          {
            title: 'Authorization Error',
            type: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
            detail: 'Sorry, you are not authorized to see the Tweet with id: [1].',
          },
        ],
      },
    });
    const reader = adapter('x', env);
    await expect(reader.readBack({ remoteId: '1', url: 'https://x.com/i/status/1' })).rejects.toThrow(/not authorized/);
    await expect(reader.readBack({ remoteId: '999', url: 'https://x.com/i/status/999' })).resolves.toMatchObject({ exists: false });
  });

  test('Mastodon and LinkedIn: 401 is an error on every read', async () => {
    const mastodon = await startFakeMastodon({ token: TOKENS.mastodon });
    const linkedin = await startFakeLinkedIn({ token: TOKENS.linkedin, author: LINKEDIN_AUTHOR });
    servers.push(mastodon, linkedin);
    for (const server of [mastodon, linkedin])
      server.faults.push({ kind: 'status', status: 401, json: { error: 'The access token was revoked' }, when: () => true, times: 1000 });
    await expect(
      adapter('mastodon', { MASTODON_URL: mastodon.url, MASTODON_TOKEN: TOKENS.mastodon }).readBack({
        remoteId: '1',
        url: 'https://m.example/@a/1',
      }),
    ).rejects.toThrow(/401/);
    await expect(
      adapter('linkedin', { LINKEDIN_API_URL: linkedin.url, LINKEDIN_TOKEN: TOKENS.linkedin, LINKEDIN_AUTHOR }).readBack({
        remoteId: 'urn:li:share:1',
        url: 'https://www.linkedin.com/feed/update/urn:li:share:1/',
      }),
    ).rejects.toThrow(/401/);
  });
});
