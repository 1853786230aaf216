import { describe, expect, test } from 'vitest';
import {
  blogPostingJsonLd,
  eventJsonLd,
  personId,
  pressPageJsonLd,
  profilePageJsonLd,
  serializeJsonLd,
  type PersonFacts,
} from './structured-data.ts';

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
      {
        headline: 'H',
        description: 'D',
        url: `${site}/essays/h/`,
        datePublished: new Date('2026-01-02'),
        dateModified: new Date('2026-01-03'),
        keywords: [],
      },
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

describe('eventJsonLd', () => {
  const facts = {
    url: `${site}/speaking/bold/`,
    name: 'Being Bold for Change',
    description: 'A keynote.',
    startDate: '2027-03-10T07:45:00+00:00',
    endDate: '2027-03-10T09:30:00+00:00',
    attendance: 'in-person' as const,
    status: 'confirmed' as const,
    location: { venue: 'The Harbour Rooms', city: 'Bristol', country: 'United Kingdom' },
    event: { name: 'IWD Breakfast', url: 'https://iwd.example/' },
    organiser: { name: 'Bristol Women in Business' },
    image: `${site}/portrait.jpg`,
  };

  test('points the performer at the Person and places the talk at its venue', () => {
    const event = eventJsonLd(facts, site);
    expect(event).toMatchObject({
      '@type': 'Event',
      startDate: '2027-03-10T07:45:00+00:00',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      performer: { '@id': personId(site) },
      organizer: { '@type': 'Organization', name: 'Bristol Women in Business' },
      location: { '@type': 'Place', name: 'The Harbour Rooms', address: { addressLocality: 'Bristol', addressCountry: 'United Kingdom' } },
      image: [`${site}/portrait.jpg`],
    });
  });

  test('uses a VirtualLocation online, both locations when mixed, and the schema.org status', () => {
    const online = eventJsonLd(
      { ...facts, attendance: 'online', location: undefined, onlineUrl: 'https://stream.example/', status: 'cancelled' },
      site,
    );
    expect(online['location']).toEqual({ '@type': 'VirtualLocation', url: 'https://stream.example/' });
    expect(online['eventStatus']).toBe('https://schema.org/EventCancelled');
    const mixed = eventJsonLd({ ...facts, attendance: 'mixed', onlineUrl: 'https://stream.example/' }, site);
    expect((mixed['location'] as Array<Record<string, unknown>>).map((place) => place['@type'])).toEqual(['Place', 'VirtualLocation']);
  });
});

describe('pressPageJsonLd', () => {
  test('makes each quote a Quotation by the Person, part of the published piece', () => {
    const page = pressPageJsonLd(
      [
        {
          url: `${site}/press/#op-ed`,
          text: 'Say it.',
          outlet: 'The Ledger',
          headline: 'H',
          articleUrl: 'https://ledger.example/h',
          datePublished: new Date('2026-10-09'),
          kind: 'op-ed',
        },
      ],
      site,
      '/press/',
    ) as { '@graph': Array<Record<string, unknown>> };
    const quote = page['@graph'][1]!;
    expect(quote).toMatchObject({
      '@type': 'Quotation',
      text: 'Say it.',
      creator: { '@id': personId(site) },
      isPartOf: {
        '@type': 'OpinionNewsArticle',
        headline: 'H',
        url: 'https://ledger.example/h',
        datePublished: '2026-10-09T00:00:00.000Z',
        publisher: { '@type': 'Organization', name: 'The Ledger' },
      },
    });
    expect(page['@graph'][0]!['hasPart']).toEqual([{ '@id': `${site}/press/#op-ed` }]);
  });
});
