/**
 * The press watch, run by `./hub run collect`: reads the feeds of `content/press-watch.yaml`, keeps the
 * items that name the person, fetches each article once (however many feeds carry it, and never one
 * already proposed, confirmed or rejected), and writes a proposed press entry — a draft — for each.
 * A feed or article that fails is one line in the result's `problems`; the rest are read. Each entry
 * and the seen-list are written whole (atomic files), so a killed run leaves nothing half-written.
 */
import { createPressEntry, readPressEntries, readPressWatch } from '../lib/content.ts';
import { pickQuote, readArticle, type Article, type Candidate } from './article.ts';
import { feedItems, type FeedItem } from './feeds.ts';
import { politeFetcher, type FetchLimits, type PoliteFetcher } from './fetcher.ts';
import { mentionMatcher } from './names.ts';
import { guessKind, proposalId, proposalText } from './proposal.ts';
import { readPressSeen, writePressSeen } from './seen.ts';
import { articleKey } from './urls.ts';

const FEED_TYPES = 'application/feed+json, application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const PAGE_TYPES = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export interface PressWatchOptions {
  cwd: string;
  now: () => number;
  log: (line: string) => void;
  limits?: Partial<FetchLimits>;
  fetcher?: PoliteFetcher;
}

export interface ProposedMention {
  id: string;
  /** Project-relative path of the draft entry. */
  file: string;
  outlet: string;
  headline: string;
  url: string;
}

export interface PressWatchResult {
  feeds: number;
  feedsRead: number;
  /** Articles naming the person that were not known before this run. */
  mentions: number;
  proposed: ProposedMention[];
  /** One line per feed or article that could not be read: `<address>: <what went wrong>`. */
  problems: string[];
}

interface Found {
  item: FeedItem;
  feed: { url: string; label?: string | undefined };
  key: string;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Runs the press watch of the hub at `cwd`; undefined when it has no `content/press-watch.yaml`. */
export async function watchPress(options: PressWatchOptions): Promise<PressWatchResult | undefined> {
  const settings = await readPressWatch(options.cwd);
  if (!settings) return undefined;
  const fetcher = options.fetcher ?? politeFetcher({ ...(options.limits ? { limits: options.limits } : {}) });
  const names = mentionMatcher(settings.names);
  const seen = await readPressSeen(options.cwd);
  const foundAt = new Date(options.now()).toISOString();
  // Every article already decided or waiting, by key: the seen-list's, and the entries in content/press (typed by hand, too).
  const known = new Map(Object.entries(seen.articles));
  for (const entry of await readPressEntries(options.cwd)) {
    const key = articleKey(entry.url);
    if (!known.has(key)) known.set(key, { id: entry.id, status: entry.draft ? 'proposed' : 'confirmed', at: foundAt });
  }
  const result: PressWatchResult = { feeds: settings.feeds.length, feedsRead: 0, mentions: 0, proposed: [], problems: [] };
  const problem = (what: string, error: unknown): void => {
    const line = `${what}: ${message(error)}`;
    result.problems.push(line);
    options.log(`Press watch: ${line}`);
  };

  // Every feed at once (one request per host at a time is the fetcher's rule); one failing stops none.
  const found = new Map<string, Found>();
  const perFeed = await Promise.all(
    settings.feeds.map(async (feed) => {
      try {
        return feedItems(await fetcher.get(feed.url, { accept: FEED_TYPES, robots: false }));
      } catch (error) {
        problem(feed.label ? `${feed.label} (${feed.url})` : feed.url, error);
        return undefined;
      }
    }),
  );
  perFeed.forEach((items, index) => {
    if (!items) return;
    result.feedsRead += 1;
    for (const item of items) {
      const key = articleKey(item.link);
      if (known.has(key) || found.has(key) || !names(item.text)) continue;
      found.set(key, { item, feed: settings.feeds[index]!, key });
    }
  });

  const read = await Promise.all(
    [...found.values()].map(async (mention) => {
      try {
        return { mention, article: readArticle(await fetcher.get(mention.item.link, { accept: PAGE_TYPES, robots: true })) };
      } catch (error) {
        problem(mention.item.link, error);
        return undefined;
      }
    }),
  );

  let changed = false;
  for (const outcome of read) {
    if (!outcome) continue;
    const { mention, article } = outcome;
    const canonicalKey = articleKey(article.canonical);
    const earlier = known.get(canonicalKey);
    if (earlier) {
      // Another address of an article already known: remember this one too, so it is not fetched again.
      seen.articles[mention.key] = earlier;
      changed = true;
      continue;
    }
    result.mentions += 1;
    const candidate = quoteFor(article, mention.item, names);
    const outlet = article.outlet ?? hostName(article.canonical);
    const headline = article.headline ?? mention.item.title;
    const bylineNamesHer = article.byline !== undefined && names(article.byline);
    const proposal = {
      outlet,
      headline,
      url: article.canonical,
      date: (mention.item.date ?? article.published ?? foundAt).slice(0, 10),
      kind: guessKind(headline, bylineNamesHer),
      quote: candidate.quote,
      context: candidate.context,
      feed: mention.feed.url,
      foundAt,
    };
    const { id, file } = await createPressEntry(options.cwd, proposalId(outlet, headline), (id) => proposalText(proposal, id));
    const decision = { id, status: 'proposed' as const, at: foundAt };
    seen.articles[canonicalKey] = decision;
    seen.articles[mention.key] = decision;
    known.set(canonicalKey, decision);
    changed = true;
    result.proposed.push({ id, file, outlet, headline, url: article.canonical });
  }
  if (changed) await writePressSeen(options.cwd, seen);
  return result;
}

/** From the article's text; from the feed's snippet when the page does not name her (a paywall stub); else the headline. */
function quoteFor(article: Article, item: FeedItem, names: (text: string) => boolean): Candidate {
  return pickQuote(article.paragraphs, names) ?? pickQuote(item.text.split('\n'), names) ?? { quote: item.title, context: item.title };
}

function hostName(address: string): string {
  return new URL(address).hostname.replace(/^www\./, '');
}
