/** A piece as the feed gives it, for the newsletter's tests (unit and end-to-end). */
import type { SyndicationItem } from '../post.ts';

export const PIECE_URL = 'https://morwennahale.example/essays/owning-the-wind/';

export function newsletterItem(overrides: Partial<SyndicationItem> = {}): SyndicationItem {
  return {
    key: 'essay/owning-the-wind',
    url: PIECE_URL,
    title: 'Owning the wind',
    summary: 'Why community energy co-operatives outlast their grants.',
    tags: ['community energy'],
    datePublished: '2026-11-30T09:00:00.000Z',
    kind: 'essay',
    slug: 'owning-the-wind',
    text: 'Why community energy co-operatives outlast their grants.',
    skip: [],
    overrides: {},
    reviewed: false,
    html: [
      '<p>Three villages in Cornwall bought a turbine together. <a href="/notes/turbine-day/">The day it turned</a> is worth reading first.</p>',
      '<h2>Who owns it</h2>',
      '<figure><img src="/_astro/turbine.abc123.webp" srcset="/_astro/turbine-2x.webp 2x" width="1600" height="900" alt="A turbine above the village" loading="lazy"><figcaption>The turbine, April.</figcaption></figure>',
      '<p>Members, one vote each.<sup><a href="#fn-1">1</a></sup></p>',
      '<ol id="fn"><li id="fn-1">Rochdale, 1844.</li></ol>',
    ].join('\n'),
    author: {
      name: 'Morwenna Hale',
      url: 'https://morwennahale.example/about/',
      avatar: 'https://morwennahale.example/_astro/portrait.jpeg',
    },
    language: 'en-GB',
    ...overrides,
  };
}
