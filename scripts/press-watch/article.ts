/**
 * What a fetched article says about the person: its canonical address, outlet, headline and date from
 * the page's metadata, its readable text from @mozilla/readability (over linkedom: no browser), and
 * the candidate quote — the words in quotation marks in a sentence naming her, else quoted words in a
 * sentence beside one naming her, else the first sentence naming her.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeBody } from './decode.ts';
import type { Fetched } from './fetcher.ts';
import { httpUrl } from './urls.ts';

export interface Article {
  /** `<link rel=canonical>`, else `og:url`, else the address it was fetched from. */
  canonical: string;
  outlet?: string | undefined;
  headline?: string | undefined;
  /** ISO 8601, from `article:published_time` (or what Readability finds). */
  published?: string | undefined;
  byline?: string | undefined;
  /** The readable text, paragraph by paragraph (and list item, block quote, caption), in order. */
  paragraphs: string[];
}

/** An article whose page will not give readable text: said once in the summary, retried next run. */
export class UnreadableArticle extends Error {}

const attribute = (document: Document, selector: string, name: string): string | undefined =>
  document.querySelector(selector)?.getAttribute(name)?.trim() || undefined;

const BLOCKS = 'p, li, blockquote, h1, h2, h3, h4, h5, h6, figcaption, td, pre';

export function readArticle(fetched: Fetched): Article {
  const html = decodeBody(fetched.contentType, fetched.body);
  const { document } = parseHTML(html);
  const canonicalHref = attribute(document, 'link[rel~="canonical"]', 'href') ?? attribute(document, 'meta[property="og:url"]', 'content');
  const canonical = (canonicalHref && httpUrl(canonicalHref, fetched.url)?.href) ?? fetched.url;
  const outlet = attribute(document, 'meta[property="og:site_name"]', 'content');
  const ogTitle = attribute(document, 'meta[property="og:title"]', 'content');
  const publishedMeta = attribute(document, 'meta[property="article:published_time"]', 'content');
  const authorMeta = attribute(document, 'meta[name="author"]', 'content');

  let parsed: ReturnType<Readability<string>['parse']>;
  try {
    parsed = new Readability(document as unknown as Document).parse();
  } catch (error) {
    throw new UnreadableArticle(`the page would not parse (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!parsed?.content) throw new UnreadableArticle('no readable text in the page');
  const { document: readable } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const paragraphs: string[] = [];
  for (const block of readable.querySelectorAll(BLOCKS)) {
    // Nested blocks (a <p> in a <blockquote>) are read at the innermost one.
    if (block.querySelector(BLOCKS)) continue;
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
  }
  if (paragraphs.length === 0) throw new UnreadableArticle('no readable text in the page');
  const published = publishedMeta ?? parsed.publishedTime ?? undefined;
  return {
    canonical,
    outlet: outlet ?? parsed.siteName ?? undefined,
    headline: ogTitle ?? parsed.title ?? undefined,
    published: published && !Number.isNaN(Date.parse(published)) ? new Date(published).toISOString() : undefined,
    byline: authorMeta ?? parsed.byline ?? undefined,
    paragraphs,
  };
}

/** Spans in quotation marks (curly, straight, guillemets) of at least three words. */
function quotedSpans(text: string): string[] {
  const spans: string[] = [];
  for (const match of text.matchAll(/[“"«„]([^”"»“]+)[”"»“]|‘([^’]+)’/g)) {
    const span = (match[1] ?? match[2] ?? '').trim();
    if (span.split(/\s+/).length >= 3) spans.push(span);
  }
  return spans;
}

/** `“We were asked too late,” she said` quotes "We were asked too late." */
function asQuote(spans: string[]): string {
  return spans.map((span) => span.replace(/,$/, '.')).join(' ');
}

export interface Candidate {
  /** The words to propose as the quote. */
  quote: string;
  /** The paragraph(s) it came from, for the person to check it against. */
  context: string;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The quote to propose from `paragraphs`, or undefined when none names her: the words in quotation
 * marks in a paragraph naming her (a quotation often runs over several sentences, so paragraphs, not
 * sentences), else in the paragraph just after or before one naming her, else the first sentence
 * that names her.
 */
export function pickQuote(paragraphs: readonly string[], names: (text: string) => boolean): Candidate | undefined {
  const naming = paragraphs.flatMap((paragraph, index) => (names(paragraph) ? [index] : []));
  if (naming.length === 0) return undefined;
  for (const index of naming) {
    const spans = quotedSpans(paragraphs[index]!);
    if (spans.length > 0) return { quote: asQuote(spans), context: paragraphs[index]! };
  }
  for (const index of naming) {
    for (const near of [index + 1, index - 1]) {
      const spans = near >= 0 && near < paragraphs.length ? quotedSpans(paragraphs[near]!) : [];
      if (spans.length > 0) {
        const context = near > index ? `${paragraphs[index]} ${paragraphs[near]}` : `${paragraphs[near]} ${paragraphs[index]}`;
        return { quote: asQuote(spans), context };
      }
    }
  }
  const paragraph = paragraphs[naming[0]!]!;
  const sentence = [...segmenter.segment(paragraph)].map(({ segment }) => segment.trim()).find((segment) => names(segment)) ?? paragraph;
  return { quote: sentence, context: paragraph };
}
