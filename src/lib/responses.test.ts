import { describe, expect, it } from 'vitest';
import { createFormats } from './formats.ts';
import { DEFAULT_LANGUAGE } from '../schemas/site.ts';
import { clipReply, describeMetrics } from './responses.ts';

const formats = createFormats(DEFAULT_LANGUAGE);

describe('responses', () => {
  it('says counts as people do, leaving out what the network does not report', () => {
    expect(describeMetrics({ likes: 1, reposts: 0, replies: 2 }, formats)).toBe('1 like · 0 reposts · 2 replies');
    expect(describeMetrics({ likes: 12345, quotes: 1 }, formats)).toBe('12,345 likes · 1 quote');
    expect(describeMetrics({}, formats)).toBe('no counts reported');
  });

  it('says an email’s reach after its replies, and its opens only when measured', () => {
    expect(describeMetrics({ replies: 3, recipients: 1200, opens: 64, clicks: 12 }, formats)).toBe(
      '3 replies · emailed to 1,200 · opened 64 times',
    );
    expect(describeMetrics({ recipients: 1, opens: 0 }, formats)).toBe('emailed to 1');
  });

  it('clips long replies on a grapheme boundary', () => {
    expect(clipReply('  short  ')).toEqual({ text: 'short', clipped: false });
    const family = '👨‍👩‍👧';
    const clipped = clipReply(`${'a'.repeat(4)}${family}${family}`, 5);
    expect(clipped).toEqual({ text: `aaaa${family}…`, clipped: true });
  });
});
