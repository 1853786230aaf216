import { RichText } from '@atproto/api';
import twitterText from 'twitter-text';
import { describe, expect, test } from 'vitest';
import { composeBluesky } from './bluesky/compose.ts';
import { escapeLittleText, composeLinkedIn } from './linkedin/compose.ts';
import { composeMastodon, mastodonLength } from './mastodon/compose.ts';
import { ComposeError, hashtag, THEORY_INVITATION, type SyndicationItem } from './post.ts';
import { channels } from './registry.ts';
import { composeThreads, threadsLength } from './threads/compose.ts';
import { composeX } from './x/compose.ts';

const URL_ = 'https://morwennahale.example/essays/owning-the-wind/';

function item(overrides: Partial<SyndicationItem> = {}): SyndicationItem {
  return {
    key: 'essay/owning-the-wind',
    url: URL_,
    title: 'Why the people who host the turbine should own it',
    summary: 'Community ownership is not a nice extra on a wind farm. It is the thing that decides whether the next one gets built.',
    tags: ['community energy', 'ownership'],
    datePublished: '2026-09-14T00:00:00.000Z',
    kind: 'essay',
    slug: 'owning-the-wind',
    text: 'Community ownership is not a nice extra on a wind farm. It is the thing that decides whether the next one gets built.',
    card: 'https://morwennahale.example/cards/essays/owning-the-wind.png',
    skip: [],
    overrides: {},
    reviewed: false,
    ...overrides,
  };
}

const long = Array.from({ length: 40 }, (_, i) => `Sentence number ${i + 1} says something about wind.`).join(' ');
const emoji = 'Village halls 👩🏽‍🌾🌬️ decide energy 🇬🇧 projects. '.repeat(30);

describe('hashtag', () => {
  test('joins the words of a tag in camel case', () => {
    expect(hashtag('community energy')).toBe('#CommunityEnergy');
    expect(hashtag('co-operatives')).toBe('#CoOperatives');
  });
});

describe('a channel’s compose', () => {
  test('every channel stays within its declared limit for long text with emoji, for every kind', async () => {
    for (const kind of ['essay', 'note', 'theory'] as const) {
      for (const text of [long, emoji]) {
        // The body too: the newsletter carries the whole piece, and refuses an item without one.
        const piece = item({ kind, text, summary: text, stage: 'hunch', html: `<p>${text}</p>` });
        for (const channel of (await channels()).values()) {
          const post = await channel.compose(piece);
          expect({ limit: post.limit, unit: post.unit }, channel.name).toEqual({ limit: channel.limits.max, unit: channel.limits.unit });
          expect(post.length, `${channel.name} ${kind}`).toBeLessThanOrEqual(post.limit);
        }
      }
    }
  });

  test('an essay goes out as a hook plus the link', () => {
    const post = composeMastodon(item());
    expect(post.text).toBe(`${item().summary}\n\n${URL_}\n\n#CommunityEnergy #Ownership`);
  });

  test('a note that fits goes out whole', () => {
    const note = item({ kind: 'note', text: 'Spent the evening at a village hall. The right answer is: you do.' });
    expect(composeX(note).text).toBe(`Spent the evening at a village hall. The right answer is: you do.\n\n${URL_}`);
    expect(composeBluesky(note).text.startsWith('Spent the evening at a village hall. The right answer is: you do.')).toBe(true);
  });

  test('a theory is an open question inviting replies', () => {
    const theory = item({
      kind: 'theory',
      stage: 'working-theory',
      title: 'Local trust is the binding constraint',
      summary: 'Consent follows ownership.',
    });
    expect(composeThreads(theory).text).toBe(
      `Working theory: Local trust is the binding constraint\n\nConsent follows ownership.\n\n${THEORY_INVITATION}\n\n${URL_}`,
    );
  });

  test('a long note is cut at a sentence boundary, never mid-word', () => {
    const post = composeX(item({ kind: 'note', text: long }));
    const body = post.text.split('\n\n')[0]!;
    expect(body).toMatch(/wind\.$/);
    expect(long.startsWith(body)).toBe(true);
  });

  test('the author’s override wins, with the link added where the network needs it', () => {
    const piece = item({ overrides: { bluesky: 'My own words.', x: 'Mine for X.' } });
    expect(composeBluesky(piece).text).toBe('My own words.');
    expect(composeBluesky(piece).override).toBe(true);
    expect(composeX(piece).text).toBe(`Mine for X.\n\n${URL_}`);
  });

  test('an override that is too long is an error naming the field, not a cut', () => {
    expect(() => composeBluesky(item({ overrides: { bluesky: 'word '.repeat(100) } }))).toThrow(ComposeError);
    expect(() => composeBluesky(item({ overrides: { bluesky: 'word '.repeat(100) } }))).toThrow(/syndication\.text\.bluesky/);
  });
});

describe('composeBluesky', () => {
  test('counts graphemes and detects link and hashtag facets with UTF-8 byte offsets', () => {
    const post = composeBluesky(item({ overrides: { bluesky: 'Café 👋🏽 read https://morwennahale.example/x #Wind' } }));
    expect(post.length).toBe(new RichText({ text: post.text }).graphemeLength);
    const facets = post.facets as Array<{ index: { byteStart: number; byteEnd: number }; features: Array<{ $type: string }> }>;
    const bytes = new TextEncoder().encode(post.text);
    const slice = (f: (typeof facets)[number]) => new TextDecoder().decode(bytes.slice(f.index.byteStart, f.index.byteEnd));
    expect(facets.map((f) => [f.features[0]!.$type, slice(f)])).toEqual([
      ['app.bsky.richtext.facet#link', 'https://morwennahale.example/x'],
      ['app.bsky.richtext.facet#tag', '#Wind'],
    ]);
  });

  test('leaves mentions out of the facets it finds offline: the lexicon wants a DID, which only the network can give', () => {
    const post = composeBluesky(item({ overrides: { bluesky: 'Thanks @acme.com for https://acme.com/data #Wind' } }));
    const types = (post.facets as Array<{ features: Array<{ $type: string }> }>).map((facet) => facet.features[0]!.$type);
    expect(types).toEqual(['app.bsky.richtext.facet#link', 'app.bsky.richtext.facet#tag']);
  });

  test('puts the link in the card, not the text', () => {
    const post = composeBluesky(item());
    expect(post.text).not.toContain(URL_);
    expect(post.link).toMatchObject({ url: URL_, title: item().title, image: item().card });
  });
});

describe('composeMastodon', () => {
  test('counts every URL as 23 characters', () => {
    expect(mastodonLength(`ab ${URL_}`)).toBe(3 + 23);
    expect(mastodonLength('ab https://x.y/path.')).toBe(3 + 23 + 1);
    expect(mastodonLength('no link, just morwennahale.example')).toBe(34);
  });

  test('honours the instance’s own limit', () => {
    const post = composeMastodon(item({ kind: 'note', text: long }), { maxCharacters: 1000, charactersReservedPerUrl: 23 });
    expect(post.limit).toBe(1000);
    expect(post.length).toBeGreaterThan(500);
    expect(post.length).toBeLessThanOrEqual(1000);
  });
});

describe('composeThreads', () => {
  // https://developers.facebook.com/docs/threads/posts: "Emojis are counted as the number of UTF-8 bytes."
  test('counts each emoji as its UTF-8 bytes: 👋 is 4, 👩🏽‍🌾 is 15', () => {
    expect(threadsLength('👋')).toBe(4);
    expect(threadsLength('👩🏽‍🌾')).toBe(15);
    expect(threadsLength('🇬🇧')).toBe(8);
    expect(threadsLength('Café 1️⃣')).toBe(4 + 1 + 7);
  });

  test('fits an emoji-heavy note within 500 as Threads counts, which code points would not', () => {
    const post = composeThreads(item({ kind: 'note', text: `Harvest supper. ${'👩🏽‍🌾'.repeat(60)} Every one owns a share.` }));
    // 60 farmers are 240 code points but 900 of Threads' characters: the note cannot go out whole.
    expect(post.text).not.toContain('👩🏽‍🌾'.repeat(60));
    expect(post.length).toBe(threadsLength(post.text));
    expect(post.length).toBeLessThanOrEqual(500);
    expect(post.text).toContain(URL_);
  });
});

describe('composeX', () => {
  test('uses twitter-text weights: emoji and CJK count double', () => {
    const post = composeX(item({ kind: 'note', text: '風力発電 '.repeat(80) }));
    expect(twitterText.parseTweet(post.text).weightedLength).toBe(post.length);
    expect(post.length).toBeLessThanOrEqual(280);
    expect(post.text).toContain(URL_);
  });
});

describe('composeLinkedIn', () => {
  test('escapes Little Text Format’s reserved characters', () => {
    expect(escapeLittleText('a_b *c* (d) [e] {f} <g> #h @i ~j |k \\l')).toBe(
      'a\\_b \\*c\\* \\(d\\) \\[e\\] \\{f\\} \\<g\\> \\#h \\@i \\~j \\|k \\\\l',
    );
  });

  test('sends the escaped commentary and counts it as sent', () => {
    const post = composeLinkedIn(item({ summary: 'Ownership (not benefit funds) #decides it.' }));
    expect(post.text).toBe('Ownership \\(not benefit funds\\) \\#decides it.');
    expect(post.length).toBe(post.text.length);
  });
});
