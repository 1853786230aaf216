/**
 * JSON-LD for schema.org: the Person (one stable @id that every other object points to), the
 * ProfilePage around it, and BlogPosting for each piece.
 */
import { absoluteUrl } from './urls.ts';

export interface PersonFacts {
  name: string;
  jobTitle: string;
  organisation: { name: string; url?: string | undefined };
  description: string;
  /** Absolute URL of the portrait. */
  image: string;
  email: string;
  /** Profile URLs elsewhere (the same ones linked with rel="me"). */
  sameAs: string[];
  location: string;
}

type JsonLd = Record<string, unknown>;

/** The Person's @id: the site's root with a fragment, stable across pages and builds. */
export function personId(site: string | URL): string {
  return absoluteUrl('/#person', site);
}

export function personJsonLd(person: PersonFacts, site: string | URL): JsonLd {
  return {
    '@type': 'Person',
    '@id': personId(site),
    name: person.name,
    url: absoluteUrl('/', site),
    image: person.image,
    jobTitle: person.jobTitle,
    worksFor: {
      '@type': 'Organization',
      name: person.organisation.name,
      ...(person.organisation.url ? { url: person.organisation.url } : {}),
    },
    description: person.description,
    email: `mailto:${person.email}`,
    homeLocation: { '@type': 'Place', name: person.location },
    sameAs: person.sameAs,
  };
}

/** ProfilePage for the home and about pages, with the Person as its main entity. */
export function profilePageJsonLd(person: PersonFacts, site: string | URL, pagePath: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'ProfilePage',
        '@id': absoluteUrl(`${pagePath}#page`, site),
        url: absoluteUrl(pagePath, site),
        mainEntity: { '@id': personId(site) },
      },
      personJsonLd(person, site),
    ],
  };
}

export interface PostingFacts {
  headline: string;
  description: string;
  url: string;
  datePublished: Date;
  dateModified: Date;
  image?: string | undefined;
  keywords: string[];
}

/** BlogPosting for an essay, note or theory; the author is a reference to the Person's @id. */
export function blogPostingJsonLd(post: PostingFacts, site: string | URL): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    '@id': `${post.url}#post`,
    mainEntityOfPage: post.url,
    url: post.url,
    headline: post.headline,
    description: post.description,
    datePublished: post.datePublished.toISOString(),
    dateModified: post.dateModified.toISOString(),
    ...(post.image ? { image: post.image } : {}),
    ...(post.keywords.length > 0 ? { keywords: post.keywords } : {}),
    author: { '@id': personId(site) },
  };
}

/**
 * Serialises JSON-LD for a `<script type="application/ld+json">` element. `<`, `>` and `&` become
 * Unicode escapes, so no string in the content can close the script element or open a comment; U+2028
 * and U+2029 are escaped for old JavaScript parsers. The result is still the same JSON.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface EventFacts {
  /** Absolute URL of the talk's page. */
  url: string;
  name: string;
  description: string;
  /** ISO 8601 with the venue's offset, from `toZonedIso`. */
  startDate: string;
  endDate: string;
  attendance: 'in-person' | 'online' | 'mixed';
  status: 'confirmed' | 'tentative' | 'postponed' | 'cancelled';
  location?: { venue: string; address?: string | undefined; city: string; country: string } | undefined;
  onlineUrl?: string | undefined;
  /** The event the talk is part of. */
  event: { name: string; url?: string | undefined };
  organiser: { name: string; url?: string | undefined };
  /** Absolute URL of the preview image. */
  image: string;
}

const ATTENDANCE_MODES: Record<EventFacts['attendance'], string> = {
  'in-person': 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  mixed: 'https://schema.org/MixedEventAttendanceMode',
};

/** schema.org has no "tentative": a tentative talk is still scheduled for its date. */
const EVENT_STATUSES: Record<EventFacts['status'], string> = {
  confirmed: 'https://schema.org/EventScheduled',
  tentative: 'https://schema.org/EventScheduled',
  postponed: 'https://schema.org/EventPostponed',
  cancelled: 'https://schema.org/EventCancelled',
};

/**
 * Event for a talk (https://schema.org/Event, and Google's event guidelines): the performer is the
 * Person's @id, the location a Place with its address, a VirtualLocation, or both for mixed attendance.
 */
export function eventJsonLd(talk: EventFacts, site: string | URL): JsonLd {
  const place = talk.location && {
    '@type': 'Place',
    name: talk.location.venue,
    address: {
      '@type': 'PostalAddress',
      ...(talk.location.address ? { streetAddress: talk.location.address } : {}),
      addressLocality: talk.location.city,
      addressCountry: talk.location.country,
    },
  };
  const virtual = talk.onlineUrl && { '@type': 'VirtualLocation', url: talk.onlineUrl };
  const locations = [talk.attendance !== 'online' && place, talk.attendance !== 'in-person' && virtual].filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': `${talk.url}#event`,
    url: talk.url,
    name: talk.name,
    description: talk.description,
    startDate: talk.startDate,
    endDate: talk.endDate,
    eventAttendanceMode: ATTENDANCE_MODES[talk.attendance],
    eventStatus: EVENT_STATUSES[talk.status],
    location: locations.length === 1 ? locations[0] : locations,
    image: [talk.image],
    performer: { '@id': personId(site) },
    organizer: { '@type': 'Organization', name: talk.organiser.name, ...(talk.organiser.url ? { url: talk.organiser.url } : {}) },
    superEvent: { '@type': 'Event', name: talk.event.name, ...(talk.event.url ? { url: talk.event.url } : {}) },
  };
}

export interface QuotationFacts {
  /** Absolute URL of the quote on the press page (`/press/#slug`). */
  url: string;
  text: string;
  outlet: string;
  headline: string;
  /** Where the piece is published. */
  articleUrl: string;
  datePublished: Date;
  kind: 'quoted' | 'interview' | 'op-ed' | 'podcast';
}

/** The piece a quote appeared in: an article, an opinion piece or a podcast episode. */
const PRESS_TYPES: Record<QuotationFacts['kind'], string> = {
  quoted: 'NewsArticle',
  interview: 'NewsArticle',
  'op-ed': 'OpinionNewsArticle',
  podcast: 'PodcastEpisode',
};

/** Quotation (https://schema.org/Quotation): the words, said by the Person, part of a published piece. */
export function quotationJsonLd(quote: QuotationFacts, site: string | URL): JsonLd {
  return {
    '@type': 'Quotation',
    '@id': quote.url,
    text: quote.text,
    creator: { '@id': personId(site) },
    isPartOf: {
      '@type': PRESS_TYPES[quote.kind],
      headline: quote.headline,
      url: quote.articleUrl,
      datePublished: quote.datePublished.toISOString(),
      publisher: { '@type': 'Organization', name: quote.outlet },
    },
  };
}

/** The press page: a CollectionPage whose parts are the Quotations. */
export function pressPageJsonLd(quotes: readonly QuotationFacts[], site: string | URL, pagePath: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'CollectionPage',
        '@id': absoluteUrl(`${pagePath}#page`, site),
        url: absoluteUrl(pagePath, site),
        about: { '@id': personId(site) },
        hasPart: quotes.map((quote) => ({ '@id': quote.url })),
      },
      ...quotes.map((quote) => quotationJsonLd(quote, site)),
    ],
  };
}
