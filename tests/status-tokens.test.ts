/**
 * `npm run status` warns before a run fails on credentials (issue 18): a LinkedIn version within 30
 * days of its sunset or past it, an X OAuth 2.0 token that cannot be renewed or lacks a scope, a
 * Bluesky password that is not an app password — from the environment and files alone — and, with
 * `--check-tokens`, what Mastodon and LinkedIn say the tokens may do.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { hubStatus } from '../scripts/status/run.ts';
import {
  startFakeLinkedIn,
  startFakeMastodon,
  startFakeThreads,
  type FakeLinkedIn,
  type FakeMastodon,
  type FakeThreads,
} from './helpers/fake-networks.ts';
import { runCli } from './helpers/run-script.ts';

const folders: string[] = [];
const servers: Array<FakeMastodon | FakeLinkedIn | FakeThreads> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function emptyHub(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'hub-status-tokens-'));
  folders.push(root);
  return root;
}

const LINKEDIN = { LINKEDIN_TOKEN: 'linkedin-s3cret-token-3333', LINKEDIN_AUTHOR: 'urn:li:person:8675309' };

async function warnings(env: Record<string, string>, options: { checkTokens?: boolean } = {}): Promise<string[]> {
  const status = await hubStatus({ cwd: await emptyHub(), env, ...options });
  return status.warnings.map((warning) => `${warning.network}: ${warning.message}`);
}

describe('LinkedIn version', () => {
  test('warns within 30 days of the configured version’s sunset, naming the variable and a version to set', async () => {
    expect(await warnings({ ...LINKEDIN, LINKEDIN_VERSION: '202511', HUB_NOW: '2026-11-01T12:00:00Z' })).toEqual([
      'linkedin: LINKEDIN_VERSION=202511 retires on 2026-11-16 (in 14 days); set LINKEDIN_VERSION=202608, or remove it and the hub picks one from the date',
    ]);
  });

  test('says a retired version fails every request', async () => {
    expect(await warnings({ ...LINKEDIN, LINKEDIN_VERSION: '202511', HUB_NOW: '2026-12-01T12:00:00Z' })).toEqual([
      'linkedin: LINKEDIN_VERSION=202511 retired on 2026-11-16: every LinkedIn request fails; set LINKEDIN_VERSION=202609, or remove it and the hub picks one from the date',
    ]);
  });

  test('is quiet with a version far from its sunset, or with none set (derived from the date), or without LinkedIn credentials', async () => {
    expect(await warnings({ ...LINKEDIN, LINKEDIN_VERSION: '202603', HUB_NOW: '2026-12-01T12:00:00Z' })).toEqual([]);
    expect(await warnings({ ...LINKEDIN, HUB_NOW: '2026-12-01T12:00:00Z' })).toEqual([]);
    expect(await warnings({ LINKEDIN_VERSION: '202511', HUB_NOW: '2026-12-01T12:00:00Z' })).toEqual([]);
  });

  test('a version that is not YYYYMM is a warning, not a crash', async () => {
    expect(await warnings({ ...LINKEDIN, LINKEDIN_VERSION: 'latest' })).toEqual([
      'linkedin: LINKEDIN_VERSION: expected a version like 202609 (year and month, YYYYMM), got "latest"',
    ]);
  });
});

describe('X', () => {
  test('an OAuth 2.0 token without a refresh token lasts two hours', async () => {
    expect(await warnings({ X_OAUTH2_TOKEN: 'x-oauth2-s3cret-token-2222' })).toEqual([
      expect.stringMatching(/^x: X_OAUTH2_TOKEN lasts two hours and cannot be renewed/),
    ]);
  });

  test('the scopes X granted at the last renewal (the token file) or X_OAUTH2_SCOPES: a missing one is named', async () => {
    const root = await emptyHub();
    const tokenFile = join(root, 'thought-leadership-hub', 'x-oauth2.json');
    await mkdir(join(root, 'thought-leadership-hub'));
    const refreshToken = 'x-refresh-s3cret-4444';
    await writeFile(
      tokenFile,
      JSON.stringify({
        accessToken: 'a-s3cret',
        refreshToken: 'r-s3cret',
        expiresAt: '2026-12-01T12:00:00.000Z',
        scopes: ['tweet.read', 'users.read', 'offline.access'],
        from: createHash('sha256').update(refreshToken).digest('hex'),
      }),
    );
    const env = { X_REFRESH_TOKEN: refreshToken, X_CLIENT_ID: 'client', XDG_STATE_HOME: root };
    expect(await warnings(env)).toEqual([
      'x: the OAuth 2.0 token lacks tweet.write: posting needs tweet.read tweet.write users.read offline.access; authorize the app again with them',
    ]);
    // Another chain (a new X_REFRESH_TOKEN) makes the file stale; the scopes then come from X_OAUTH2_SCOPES.
    expect(
      await warnings({
        ...env,
        X_REFRESH_TOKEN: 'x-refresh-new-5555',
        X_OAUTH2_SCOPES: 'tweet.read tweet.write users.read offline.access',
      }),
    ).toEqual([]);
    expect(await warnings({ ...env, X_REFRESH_TOKEN: 'x-refresh-new-5555', X_OAUTH2_SCOPES: 'tweet.read tweet.write' })).toEqual([
      'x: the OAuth 2.0 token lacks users.read, offline.access: posting needs tweet.read tweet.write users.read offline.access; authorize the app again with them',
    ]);
  });

  test('on GitHub Actions a rotating refresh token cannot be kept: OAuth 1.0a is the way', async () => {
    expect(await warnings({ X_REFRESH_TOKEN: 'r', X_CLIENT_ID: 'c', XDG_STATE_HOME: await emptyHub(), GITHUB_ACTIONS: 'true' })).toEqual([
      expect.stringMatching(/^x: on GitHub Actions the refresh token X rotates .* use OAuth 1\.0a user tokens for scheduled runs$/),
    ]);
    expect(
      await warnings({ X_API_KEY: 'k', X_API_SECRET: 's', X_ACCESS_TOKEN: 't', X_ACCESS_SECRET: 'u', GITHUB_ACTIONS: 'true' }),
    ).toEqual([]);
  });
});

test('Bluesky: a password that is not in an app password’s form', async () => {
  expect(await warnings({ BLUESKY_IDENTIFIER: 'ceo.example.com', BLUESKY_APP_PASSWORD: 'hunter2-my-password' })).toEqual([
    expect.stringMatching(/^bluesky: BLUESKY_APP_PASSWORD is not in an app password’s form/),
  ]);
  expect(await warnings({ BLUESKY_IDENTIFIER: 'ceo.example.com', BLUESKY_APP_PASSWORD: 'abcd-efgh-ijkl-mnop' })).toEqual([]);
});

describe('--check-tokens', () => {
  test('asks Mastodon for the app’s scopes and LinkedIn whether the token may read; without the flag, no request', async () => {
    const mastodon = await startFakeMastodon({ token: 'mastodon-s3cret', scopes: ['write:statuses', 'read:accounts'] });
    const linkedin = await startFakeLinkedIn({
      token: LINKEDIN.LINKEDIN_TOKEN,
      author: LINKEDIN.LINKEDIN_AUTHOR,
      scopes: ['w_member_social'],
    });
    servers.push(mastodon, linkedin);
    const env = {
      MASTODON_URL: mastodon.url,
      MASTODON_TOKEN: 'mastodon-s3cret',
      LINKEDIN_API_URL: linkedin.url,
      ...LINKEDIN,
      HUB_NOW: '2026-12-01T12:00:00Z',
    };
    expect(await warnings(env)).toEqual([]);
    expect([...mastodon.requests, ...linkedin.requests]).toEqual([]);

    expect(await warnings(env, { checkTokens: true })).toEqual([
      'mastodon: the token lacks read:statuses: make one with read:statuses read:accounts write:statuses (Preferences → Development) and set MASTODON_TOKEN',
      expect.stringMatching(/^linkedin: the token lacks r_member_social \(LinkedIn grants it to approved partners only\): posting works/),
    ]);
    mastodon.scopes = ['read', 'write:statuses'];
    linkedin.scopes = ['w_member_social', 'r_member_social'];
    expect(await warnings(env, { checkTokens: true })).toEqual([]);
  });

  test('through the command line: a Warnings section, and never a token', async () => {
    const mastodon = await startFakeMastodon({ token: 'mastodon-s3cret-7777', scopes: ['write:statuses'] });
    const linkedin = await startFakeLinkedIn({
      token: LINKEDIN.LINKEDIN_TOKEN,
      author: LINKEDIN.LINKEDIN_AUTHOR,
      now: () => Date.parse('2026-12-01T12:00:00Z'),
    });
    servers.push(mastodon, linkedin);
    const env = {
      HUB_NOW: '2026-12-01T12:00:00Z',
      MASTODON_URL: mastodon.url,
      MASTODON_TOKEN: 'mastodon-s3cret-7777',
      LINKEDIN_API_URL: linkedin.url,
      ...LINKEDIN,
      LINKEDIN_VERSION: '202511',
    };
    const run = await runCli('status', ['--check-tokens'], { cwd: await emptyHub(), env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        'Warnings',
        '  Mastodon: the token lacks read:statuses, read:accounts: make one with read:statuses read:accounts write:statuses (Preferences → Development) and set MASTODON_TOKEN',
        '  LinkedIn: LINKEDIN_VERSION=202511 retired on 2026-11-16: every LinkedIn request fails; set LINKEDIN_VERSION=202609, or remove it and the hub picks one from the date',
        '  LinkedIn: LinkedIn does not serve API version 202511: set LINKEDIN_VERSION=202609',
      ].join('\n'),
    );
    expect(run.stdout + run.stderr).not.toContain('mastodon-s3cret-7777');
    expect(run.stdout + run.stderr).not.toContain(LINKEDIN.LINKEDIN_TOKEN);
  });
});

describe('when tokens expire (issue 14, item 21)', () => {
  const NOW = '2026-12-01T12:00:00Z';

  test('X OAuth 2.0: the token file’s expiry, renewed automatically — shown, never a warning', async () => {
    const root = await emptyHub();
    await mkdir(join(root, 'thought-leadership-hub'));
    const refreshToken = 'x-refresh-s3cret-6666';
    await writeFile(
      join(root, 'thought-leadership-hub', 'x-oauth2.json'),
      JSON.stringify({
        accessToken: 'a-s3cret',
        refreshToken: 'r-s3cret',
        expiresAt: '2026-12-01T13:30:00.000Z',
        scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access'],
        from: createHash('sha256').update(refreshToken).digest('hex'),
      }),
    );
    const status = await hubStatus({
      cwd: root,
      env: { X_REFRESH_TOKEN: refreshToken, X_CLIENT_ID: 'client', XDG_STATE_HOME: root, HUB_NOW: NOW },
    });
    expect(status.tokens.map((token) => `${token.network}: ${token.message}`)).toEqual([
      'x: the OAuth 2.0 access token expires in 1 hour (2026-12-01 13:30 UTC); renewed automatically with the refresh token',
    ]);
    expect(status.warnings).toEqual([]);
  });

  test('Threads with --check-tokens: debug_token’s expires_at; within 7 days a warning saying how to renew; no request without the flag', async () => {
    const threads = await startFakeThreads({ token: 'threads-s3cret-8888', userId: '17841400000000001' });
    servers.push(threads);
    const env = { THREADS_TOKEN: 'threads-s3cret-8888', THREADS_USER_ID: '17841400000000001', THREADS_API_URL: threads.url, HUB_NOW: NOW };
    threads.tokenInfo.expires_at = Date.parse('2026-12-13T12:00:00Z') / 1000;
    const quiet = await hubStatus({ cwd: await emptyHub(), env });
    expect(quiet.tokens).toEqual([]);
    expect(threads.requests).toEqual([]);

    const far = await hubStatus({ cwd: await emptyHub(), env, checkTokens: true });
    expect(far.tokens.map((token) => token.message)).toEqual(['the token expires in 12 days (2026-12-13); refresh it before then']);
    expect(far.warnings).toEqual([]);

    threads.tokenInfo.expires_at = Date.parse('2026-12-04T18:00:00Z') / 1000;
    const near = await hubStatus({ cwd: await emptyHub(), env, checkTokens: true });
    expect(near.warnings.map((warning) => `${warning.network}: ${warning.message}`)).toEqual([
      expect.stringMatching(
        /^threads: the token expires in 3 days \(2026-12-04\) — renew it: GET https:\/\/graph\.threads\.net\/refresh_access_token\?grant_type=th_refresh_token/,
      ),
    ]);

    threads.tokenInfo.is_valid = false;
    const invalid = await hubStatus({ cwd: await emptyHub(), env, checkTokens: true });
    expect(invalid.warnings.map((warning) => warning.message)).toEqual([
      'Threads says the token is no longer valid: make a new long-lived token and set THREADS_TOKEN',
    ]);
  });

  test('through the command line: a Tokens section with the X token’s end, and a Warnings line for Threads; never a token', async () => {
    const threads = await startFakeThreads({ token: 'threads-s3cret-9999', userId: '17841400000000001' });
    servers.push(threads);
    threads.tokenInfo.expires_at = Date.parse('2026-12-06T00:00:00Z') / 1000;
    const env = { THREADS_TOKEN: 'threads-s3cret-9999', THREADS_USER_ID: '17841400000000001', THREADS_API_URL: threads.url, HUB_NOW: NOW };
    const run = await runCli('status', ['--check-tokens'], { cwd: await emptyHub(), env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Warnings\n {2}Threads: the token expires in 4 days \(2026-12-06\) — renew it/);
    expect(run.stdout + run.stderr).not.toContain('threads-s3cret-9999');
  });
});
