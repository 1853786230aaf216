import { describe, expect, test } from 'vitest';
import { invitationToArgue } from './invitation.ts';

const piece = { title: 'Owning the wind & more', url: 'https://morwenna.example/essays/owning-the-wind/' };

describe('invitationToArgue', () => {
  test('offers a reply link per posted copy', () => {
    const invitation = invitationToArgue(piece, 'm@example.org', [{ network: 'bluesky', url: 'https://bsky.app/p/1' }]);
    expect(invitation.replies).toEqual([{ network: 'bluesky', url: 'https://bsky.app/p/1', text: 'Reply on Bluesky' }]);
  });

  test('never links a copy whose address is not http(s)', () => {
    const invitation = invitationToArgue(piece, 'm@example.org', [
      { network: 'mastodon', url: 'javascript:alert(1)' },
      { network: 'bluesky', url: 'https://bsky.app/p/1' },
    ]);
    expect(invitation.replies.map((reply) => reply.url)).toEqual(['https://bsky.app/p/1']);
  });

  test('always offers an email with the title in the subject and the address in the body', () => {
    const { replies, mailto } = invitationToArgue(piece, 'm@example.org', []);
    expect(replies).toEqual([]);
    const url = new URL(mailto);
    expect(url.pathname).toBe('m@example.org');
    expect(url.searchParams.get('subject')).toBe('Re: Owning the wind & more');
    expect(url.searchParams.get('body')).toBe(`About ${piece.url}\r\n\r\n`);
  });
});
