/**
 * Assembling the site's JSON Feed (its shape, shared with the scripts: src/contract/feed.ts). What
 * the feed would say is checked against the contract before it is written, so a build never publishes
 * an item the syndication scripts would refuse.
 */
import { JSON_FEED_VERSION, jsonFeedSchema, type JsonFeed, type JsonFeedInput } from '../contract/feed.ts';
import { ContentError, issueProblems, type ContentProblem } from './validation.ts';

const FEED_FILE = '/feed.json';

/** Assembles and checks the feed; items are sorted newest first by `date_published`. */
export function buildJsonFeed(feed: Omit<JsonFeedInput, 'version'>): JsonFeed {
  const items = [...feed.items].sort((a, b) => b.date_published.localeCompare(a.date_published) || a.id.localeCompare(b.id));
  const emitted: JsonFeedInput = { version: JSON_FEED_VERSION, ...feed, items };
  const result = jsonFeedSchema.safeParse(emitted);
  if (!result.success)
    throw new ContentError(issueProblems(FEED_FILE, result.error.issues, emitted).map((problem) => byItem(problem, items)));
  return result.data;
}

/** `/feed.json (item https://…/essays/x/): _syndication.kind: …` rather than `/feed.json: items.3._syndication.kind: …`. */
function byItem(problem: ContentProblem, items: JsonFeedInput['items']): ContentProblem {
  const [, index, field] = /^items\.(\d+)\.(.+)$/.exec(problem.field) ?? [];
  const item = index === undefined ? undefined : items[Number(index)];
  return item && field ? { ...problem, file: `${FEED_FILE} (item ${item.id})`, field } : problem;
}
