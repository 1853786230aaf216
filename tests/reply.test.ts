/**
 * `./hub run reply`: answers in the thread on every network (a real PDS for Bluesky, the local fakes
 * for the others, each following its documented contract for replies), exactly once across a rerun
 * after an attempt whose answer was lost, and every bad input refused in one line with nothing written.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { expect, test } from 'vitest';
import { ANSWERS_FILE, parseAnswers } from '../src/contract/answers.ts';
import { reply } from '../scripts/reply/run.ts';
import { useLocalSyndication } from './helpers/local-syndication.ts';
import { ANSWERABLE, ITEM, syndicatedWithReplies } from './helpers/reply-fixture.ts';
import { runCli } from './helpers/run-script.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

// Generous per-request time: these tests share a busy machine, and no fault here is a slow answer.
const local = useLocalSyndication({ timeoutMs: ANSWER_TIMEOUT_MS, retry: { totalMs: 4000, baseDelayMs: 20 } });

const answer = (id: string, text: string, options: Partial<Parameters<typeof reply>[0]> = {}) =>
  reply({
    cwd: local.fixture.root,
    env: local.networks.env,
    id,
    text,
    timeoutMs: ANSWER_TIMEOUT_MS,
    retry: { totalMs: 2000, baseDelayMs: 20 },
    ...options,
  });

const answersOnDisk = async () => {
  const text = await readFile(join(local.fixture.root, ANSWERS_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseAnswers(text);
};

test('answers each network’s reply in its thread, and refuses a second answer', { timeout: 120_000 }, async () => {
  const { copies, replies, ids } = await syndicatedWithReplies(local, { mastodonVisibility: 'unlisted' });
  const { networks } = local;
  for (const network of ANSWERABLE) {
    const result = await answer(ids[network], `Fair question — the cooperative does (${network}).`);
    expect(result.status, network).toBe('posted');
    expect(result.item).toBe(ITEM);
  }

  // Bluesky: the answer's record names the copy as the thread's root and the reply as its parent.
  const agent = new AtpAgent({ service: networks.bluesky.service });
  const { data } = await agent.com.atproto.repo.listRecords({ repo: networks.bluesky.did, collection: 'app.bsky.feed.post' });
  const bluesky = data.records.find((record) => (record.value as { reply?: unknown }).reply !== undefined);
  expect((bluesky?.value as any).reply.root.uri).toBe(copies.bluesky.remoteId);
  expect((bluesky?.value as any).reply.parent.uri).toBe(replies.bluesky.id);
  expect((bluesky?.value as any).text).toBe('Fair question — the cooperative does (bluesky).');
  // Mastodon: in_reply_to_id, and no wider than the unlisted reply.
  const status = networks.mastodon.statuses.find((candidate) => candidate.inReplyToId === replies.mastodon.id);
  expect(status?.visibility).toBe('unlisted');
  expect(networks.x.tweets.find((tweet) => tweet.inReplyTo === replies.x.id)?.text).toBe('Fair question — the cooperative does (x).');
  // LinkedIn: a comment on the comment, by the person.
  expect(networks.linkedin.comments.filter((comment) => comment.parent === replies.linkedin.id).map((comment) => comment.text)).toEqual([
    'Fair question — the cooperative does (linkedin).',
  ]);
  expect(networks.threads.published.filter((media) => media.replyTo === replies.threads.id)).toHaveLength(1);

  const ledger = await answersOnDisk();
  for (const network of ANSWERABLE) expect(ledger?.answers[ids[network]]?.status, network).toBe('posted');

  await expect(answer(ids.mastodon, 'Again')).rejects.toThrow(/^mastodon:\d+: already answered on Mastodon: http/);
  expect(networks.mastodon.statuses.filter((candidate) => candidate.inReplyToId === replies.mastodon.id)).toHaveLength(1);
});

test('an answer whose response was lost is found on the rerun, never posted twice', { timeout: 120_000 }, async () => {
  const { replies, ids } = await syndicatedWithReplies(local);
  const { networks } = local;
  const lostOnce = (path: RegExp) => ({
    kind: 'lost-answer' as const,
    when: (request: { method: string; path: string }) => request.method === 'POST' && path.test(request.path),
    times: 1,
  });
  networks.mastodon.faults.push(lostOnce(/^\/api\/v1\/statuses$/));
  networks.x.faults.push(lostOnce(/^\/2\/tweets$/));
  networks.linkedin.faults.push(lostOnce(/\/comments$/));
  networks.threads.faults.push(lostOnce(/threads_publish$/));
  // Bluesky's PDS is real: the answer to createRecord is lost on the way back instead, and so is the
  // look that follows it, so the attempt cannot tell whether it posted (a crash at that point would be the same).
  let lost = 0;
  const fetchLosingOne: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = String(input instanceof Request ? input.url : input);
    if (lost === 0 && url.includes('com.atproto.repo.createRecord')) lost = 1;
    else if (lost === 1 && url.includes('com.atproto.repo.getRecord') && url.includes(encodeURIComponent(networks.bluesky.did))) lost = 2;
    else return response;
    throw new TypeError('fetch failed');
  };

  for (const network of ANSWERABLE) {
    // One attempt only: the run fails with its mark in place, as a crash would leave it.
    await expect(
      answer(ids[network], `Found, not doubled (${network}).`, { retry: { attempts: 1 }, fetch: fetchLosingOne }),
      network,
    ).rejects.toThrow(new RegExp(`^${ids[network].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+ did not take the answer`));
    expect((await answersOnDisk())?.answers[ids[network]]?.status, network).toBe('in-flight');
    const rerun = await answer(ids[network], `Found, not doubled (${network}).`, { fetch: fetchLosingOne });
    expect(rerun.status, network).toBe('posted');
  }
  const agent = new AtpAgent({ service: networks.bluesky.service });
  const { data } = await agent.com.atproto.repo.listRecords({ repo: networks.bluesky.did, collection: 'app.bsky.feed.post' });
  expect(data.records.filter((record) => (record.value as any).reply?.parent?.uri === replies.bluesky.id)).toHaveLength(1);
  expect(networks.mastodon.statuses.filter((status) => status.inReplyToId === replies.mastodon.id)).toHaveLength(1);
  expect(networks.x.tweets.filter((tweet) => tweet.inReplyTo === replies.x.id)).toHaveLength(1);
  expect(networks.linkedin.comments.filter((comment) => comment.parent === replies.linkedin.id)).toHaveLength(1);
  expect(networks.threads.published.filter((media) => media.replyTo === replies.threads.id)).toHaveLength(1);
  const ledger = await answersOnDisk();
  for (const network of ANSWERABLE) expect(ledger?.answers[ids[network]]?.status, network).toBe('posted');
});

test(
  'LinkedIn without r_member_social holds a lost answer for the person, who settles it with --resolve',
  { timeout: 120_000 },
  async () => {
    const { replies, ids } = await syndicatedWithReplies(local);
    const { networks } = local;
    networks.linkedin.scopes = ['w_member_social'];
    networks.linkedin.faults.push({
      kind: 'lost-answer',
      when: (request) => request.method === 'POST' && request.path.endsWith('/comments'),
      times: 1,
    });
    await expect(answer(ids.linkedin, 'Held, then settled.', { retry: { attempts: 1 } })).rejects.toThrow(/did not take the answer/);
    await expect(answer(ids.linkedin, 'Held, then settled.')).rejects.toThrow(
      /cannot look .+ then rerun with --resolve <the answer’s address> or --resolve not-posted$/,
    );
    expect(networks.linkedin.comments.filter((comment) => comment.parent === replies.linkedin.id)).toHaveLength(1);
    const settled = await runCli(
      'reply',
      [ids.linkedin, '--resolve', 'https://www.linkedin.com/feed/update/urn:li:share:1/?commentUrn=x'],
      {
        cwd: local.fixture.root,
      },
    );
    expect(settled.code, settled.stderr).toBe(0);
    expect((await answersOnDisk())?.answers[ids.linkedin]?.status).toBe('posted');
  },
);

test('bad input: one line each, a non-zero exit, nothing written', { timeout: 600_000 }, async () => {
  const { ids } = await syndicatedWithReplies(local);
  const { networks } = local;
  const { root } = local.fixture;
  const policy = 'review:\n  - fracking\n';
  await import('node:fs/promises').then(({ writeFile }) => writeFile(join(root, 'content/policy.yaml'), policy));
  const withoutMastodon = Object.fromEntries(Object.entries(networks.env).filter(([name]) => !name.startsWith('MASTODON_')));
  networks.x.faults.push({
    kind: 'status',
    status: 403,
    when: (request) => request.method === 'POST',
    times: 1,
    json: { title: 'Forbidden', detail: 'You are not permitted to reply.' },
  });
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [
      ['bluesky:at://did:plc:nobody/app.bsky.feed.post/3zzz', 'Hello'],
      networks.env,
      /^reply: bluesky:at:\/\/did:plc:nobody\/app\.bsky\.feed\.post\/3zzz: no such reply in content\/evidence\/engagement \(/,
    ],
    [['myspace:1', 'Hello'], networks.env, /^reply: "myspace:1": expected a reply id like bluesky:/],
    [[ids.mastodon, 'Hello'], withoutMastodon, /^reply: mastodon:\d+: Mastodon has no credentials: set MASTODON_URL, MASTODON_TOKEN$/],
    [[ids.bluesky, 'a'.repeat(312)], networks.env, /: the answer is 312 characters, 12 over Bluesky’s 300: shorten it$/],
    [[ids.threads, '   '], networks.env, /: the answer is empty: give its text after the id, in quotes$/],
    [
      [ids.threads, 'Fracking is the point.'],
      networks.env,
      /: held by content\/policy\.yaml: mentions “fracking” in the answer — read it again, then add --reviewed$/,
    ],
    [[ids.x, 'Refused'], networks.env, /^reply: x:\d+: X did not take the answer: \[POST\] .+ 403 .*You are not permitted to reply/],
  ];
  for (const [args, env, expected] of cases) {
    const run = await runCli('reply', args, { cwd: root, env: { ...env, NODE_COMPILE_CACHE: join(root, '.cache/node') } });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(Object.keys((await answersOnDisk())?.answers ?? {})).toEqual([]);
  }
  expect(networks.threads.published.filter((media) => media.replyTo)).toHaveLength(0);
  expect(networks.x.tweets.filter((tweet) => tweet.inReplyTo)).toHaveLength(0);
  // A dry run checks and shows the answer, and sends and writes nothing.
  const dry = await runCli('reply', [ids.bluesky, 'Not yet.', '--dry-run'], {
    cwd: root,
    env: { ...networks.env, NODE_COMPILE_CACHE: join(root, '.cache/node') },
  });
  expect(dry.code, dry.stderr).toBe(0);
  expect(dry.stdout).toMatch(/^Would answer bluesky:at:\/\/.+ \(essay\/owning-the-wind\) with 8\/300 characters:\nNot yet\.\n$/);
  expect(Object.keys((await answersOnDisk())?.answers ?? {})).toEqual([]);
  // Read again: the held answer goes out with --reviewed.
  const reviewed = await runCli('reply', [ids.threads, 'Fracking is the point.', '--reviewed', '--json'], {
    cwd: root,
    env: { ...networks.env, NODE_COMPILE_CACHE: join(root, '.cache/node') },
  });
  expect(reviewed.code, reviewed.stderr).toBe(0);
  expect(JSON.parse(reviewed.stdout)).toMatchObject({ status: 'posted', network: 'threads', item: ITEM });
});
