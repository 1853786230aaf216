/**
 * `npm run collect` for the newsletter, against a local Buttondown serving each email's `analytics`
 * (tests/helpers/fake-buttondown.ts, the documented contract): the email counts — recipients, opens,
 * clicks — are stored in the snapshot beside replies, for a single email and for a weekly digest (the
 * copy of each piece it carried), and the impact page's reach counts the digest once.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { collect } from '../scripts/collect/run.ts';
import { parseSnapshot } from '../src/contract/snapshots.ts';
import { foldSnapshots } from '../src/lib/engagement.ts';
import { emailReach } from '../src/lib/impact.ts';
import { startFakeButtondown, type FakeButtondown } from './helpers/fake-buttondown.ts';
import { SITE, TOKENS } from './helpers/syndication.ts';
import { ANSWER_TIMEOUT_MS } from './helpers/patience.ts';

let root: string | undefined;
let buttondown: FakeButtondown | undefined;
afterEach(async () => {
  await buttondown?.close();
  if (root) await rm(root, { recursive: true, force: true });
  buttondown = undefined;
  root = undefined;
});

const NOW = Date.parse('2026-12-01T12:00:00Z');

test('stores each email’s recipients, opens and clicks with its replies; a digest is counted once in the reach', async () => {
  buttondown = await startFakeButtondown({ apiKey: TOKENS.buttondown });
  const essay = buttondown.seed({
    subject: 'Owning the wind',
    analytics: { recipients: 120, deliveries: 118, opens: 64, clicks: 12, replies: 3 },
  });
  const digest = buttondown.seed({
    subject: 'Notes from the week of November 9, 2026',
    analytics: { recipients: 121, opens: 40, clicks: 5 },
  });
  const posted = (email: { id: string; absolute_url: string }) => ({
    status: 'posted',
    remoteId: email.id,
    url: email.absolute_url,
    postedAt: '2026-11-16T06:00:00.000Z',
  });
  root = await mkdtemp(join(tmpdir(), 'hub-collect-newsletter-'));
  await mkdir(join(root, 'content/evidence'), { recursive: true });
  await writeFile(
    join(root, 'content/evidence/syndication.json'),
    JSON.stringify({
      version: 1,
      items: {
        'essay/owning-the-wind': { url: `${SITE}/essays/owning-the-wind/`, networks: { newsletter: posted(essay) } },
        'note/village-hall': { url: `${SITE}/notes/village-hall/`, networks: { newsletter: posted(digest) } },
        'note/sunday': { url: `${SITE}/notes/sunday/`, networks: { newsletter: posted(digest) } },
      },
    }),
  );

  const result = await collect({
    cwd: root,
    only: ['newsletter'],
    now: () => NOW,
    timeoutMs: ANSWER_TIMEOUT_MS,
    retry: { totalMs: 2000, baseDelayMs: 1 },
    log: () => undefined,
    env: { BUTTONDOWN_API_URL: `${buttondown.url}/v1`, BUTTONDOWN_API_KEY: TOKENS.buttondown },
  });
  expect(result.file).toBeDefined();
  const metrics = (key: string) => result.snapshot.items[key]?.networks.newsletter?.metrics;
  expect(metrics('essay/owning-the-wind')).toEqual({ replies: 3, recipients: 120, opens: 64, clicks: 12 });
  expect(metrics('note/village-hall')).toEqual({ recipients: 121, opens: 40, clicks: 5 });
  expect(metrics('note/sunday')).toEqual(metrics('note/village-hall'));

  // What was written parses with the contract, and adds up on the impact page: the digest once.
  const written = parseSnapshot(JSON.stringify(result.snapshot), 'snapshot');
  expect(emailReach(foldSnapshots([written]))).toEqual({ emails: 2, recipients: 241, opens: 104 });
});
