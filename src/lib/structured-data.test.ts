import { describe, expect, test } from 'vitest';
import { blogPostingJsonLd, personId, profilePageJsonLd, serializeJsonLd, type PersonFacts } from './structured-data.ts';

const site = 'https://ada.example';
const person: PersonFacts = {
  name: 'Ada Example',
  jobTitle: 'Chief Executive',
  organisation: { name: 'Example Co-op', url: 'https://coop.example' },
  description: 'Runs a co-op.',
  image: 'https://ada.example/portrait.jpg',
  email: 'ada@example.com',
  sameAs: ['https://mastodon.example/@ada'],
  location: 'Leeds',
};

describe('profilePageJsonLd', () => {
  test('points the ProfilePage at the Person by one stable @id', () => {
    const data = profilePageJsonLd(person, site, '/about/') as { '@graph': Array<Record<string, unknown>> };
    const [page, thePerson] = data['@graph'];
    expect(page!['@type']).toBe('ProfilePage');
    expect(page!['mainEntity']).toEqual({ '@id': 'https://ada.example/#person' });
    expect(thePerson!['@id']).toBe(personId(site));
    expect(thePerson!['sameAs']).toEqual(person.sameAs);
    expect(thePerson!['worksFor']).toMatchObject({ '@type': 'Organization', name: 'Example Co-op' });
  });
});

describe('blogPostingJsonLd', () => {
  test('names the author by the Person @id and dates in ISO 8601', () => {
    const post = blogPostingJsonLd(
      { headline: 'H', description: 'D', url: `${site}/essays/h/`, datePublished: new Date('2026-01-02'), dateModified: new Date('2026-01-03'), keywords: [] },
      site,
    );
    expect(post['author']).toEqual({ '@id': personId(site) });
    expect(post['datePublished']).toBe('2026-01-02T00:00:00.000Z');
    expect(post).not.toHaveProperty('keywords');
  });
});

describe('serializeJsonLd', () => {
  test('can never close the script element, and parses back to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script><!-- & \u2028' };
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual(data);
  });
});
