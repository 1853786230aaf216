import { describe, expect, test } from 'vitest';
import { parseSnapshot, type Snapshot } from '../contract/snapshots.ts';
import { foldSnapshots } from './engagement.ts';
import { emailReach } from './impact.ts';

const SITE = 'https://morwennahale.example';

function snapshot(copies: Record<string, { remoteId: string; metrics: Record<string, number>; gone?: true }>): Snapshot {
  return parseSnapshot(
    JSON.stringify({
      version: 1,
      collectedAt: '2026-12-01T12:00:00.000Z',
      networks: { newsletter: { status: 'read', copies: Object.keys(copies).length } },
      items: Object.fromEntries(
        Object.entries(copies).map(([key, copy]) => [
          key,
          {
            url: `${SITE}/${key}/`,
            networks: { newsletter: { url: `https://buttondown.com/example/archive/${copy.remoteId}/`, ...copy } },
          },
        ]),
      ),
    }),
    'snapshot.json',
  );
}

describe('emailReach', () => {
  test('adds each email’s recipients and opens once, however many pieces a digest carried', () => {
    const state = foldSnapshots([
      snapshot({
        'essay/a': { remoteId: 'e1', metrics: { recipients: 100, opens: 50, clicks: 4 } },
        'note/b': { remoteId: 'digest', metrics: { recipients: 101, opens: 20 } },
        'note/c': { remoteId: 'digest', metrics: { recipients: 101, opens: 20 } },
        'essay/gone': { remoteId: 'e3', metrics: {}, gone: true },
      }),
    ]);
    expect(emailReach(state)).toEqual({ emails: 2, recipients: 201, opens: 70 });
  });

  test('says nothing of opens nobody measured (tracking off reports 0), and nothing at all without recipient counts', () => {
    expect(emailReach(foldSnapshots([snapshot({ 'essay/a': { remoteId: 'e1', metrics: { recipients: 100, opens: 0 } } })]))).toEqual({
      emails: 1,
      recipients: 100,
      opens: undefined,
    });
    // A snapshot from before the email counts existed: still parses, and shows no reach.
    expect(emailReach(foldSnapshots([snapshot({ 'essay/a': { remoteId: 'e1', metrics: { replies: 2 } } })]))).toBeUndefined();
    expect(emailReach(foldSnapshots([]))).toBeUndefined();
  });
});
