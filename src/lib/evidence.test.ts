import { describe, expect, it } from 'vitest';
import { engagementOf, parseSnapshot, safeHttpUrl, snapshotFileName } from './evidence.ts';

describe('snapshots', () => {
  it('names files by time, sortable and without colons, with a suffix for a second one in the same instant', () => {
    expect(snapshotFileName('2026-11-25T10:00:00Z')).toBe('2026-11-25T10-00-00.000Z.json');
    expect(snapshotFileName('2026-11-25T10:00:00Z', 1)).toBe('2026-11-25T10-00-00.000Z-2.json');
  });

  it('names the file and each bad field', () => {
    const bad = JSON.stringify({
      version: 1, collectedAt: '25/11/2026', networks: {},
      items: { 'essay/a': { url: 'https://a.example/', networks: { bluesky: { remoteId: 'r', url: 'u', metrics: { likes: -1 } } } } },
    });
    expect(() => parseSnapshot(bad, 'content/evidence/engagement/x.json')).toThrow(/^content\/evidence\/engagement\/x\.json: collectedAt: is "25\/11\/2026" — use an ISO 8601 .*\ncontent\/evidence\/engagement\/x\.json: items\.essay\/a\.networks\.bluesky\.metrics\.likes: is -1 — use a count/);
    expect(() => parseSnapshot('{', 'x.json')).toThrow(/^x\.json: \(whole file\): is not valid JSON \(.+\) — /);
  });

  it('adds every reported count; unreported counts are nothing', () => {
    expect(engagementOf({ likes: 3, reposts: 2, replies: 1, quotes: 4 })).toBe(10);
    expect(engagementOf({})).toBe(0);
  });

  it('links only http(s) URLs', () => {
    expect(safeHttpUrl('https://bsky.app/profile/a')).toBe('https://bsky.app/profile/a');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>', 'vbscript:x', '//evil.example', '/relative', '', undefined]) {
      expect(safeHttpUrl(bad)).toBeUndefined();
    }
  });
});
