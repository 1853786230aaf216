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
    worksFor: { '@type': 'Organization', name: person.organisation.name, ...(person.organisation.url ? { url: person.organisation.url } : {}) },
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
