/**
 * Talks and topics, queried once per build. The only module that reads those collections: it hands
 * plain `Talk`s to pages and the feed.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { bySoonest, isAnnounced, partitionTalks, type Talk, type TalkSchedule } from '../lib/talks.ts';
import { htmlToText } from '../lib/text.ts';
import { talkPath } from '../lib/urls.ts';
import { publishing } from './site.ts';

export type TalkEntry = CollectionEntry<'talks'>;
export type TopicEntry = CollectionEntry<'topics'>;

/** A talk together with its entry, for pages that render the abstract. */
export interface PublishedTalk extends Talk {
  entry: TalkEntry;
}

function fromEntry(entry: TalkEntry): PublishedTalk {
  const { data } = entry;
  return {
    slug: entry.id,
    path: talkPath(entry.id),
    title: data.title,
    summary: htmlToText(entry.rendered?.html ?? entry.body ?? ''),
    event: data.event,
    start: data.start,
    end: data.end,
    timezone: data.timezone,
    attendance: data.attendance,
    location: data.location,
    onlineUrl: data.onlineUrl,
    format: data.format,
    length: data.length,
    audienceSize: data.audienceSize,
    status: data.status,
    slides: data.slides,
    video: data.video,
    testimonials: data.testimonials,
    topic: data.topic,
    sequence: data.sequence,
    draft: data.draft,
    entry,
  };
}

let topicCache: Promise<TopicEntry[]> | undefined;

/** Every offered topic (drafts only in `npm run dev`), in the author's order (`order`, then title). */
export function getTopics(): Promise<TopicEntry[]> {
  topicCache ??= getCollection('topics', (entry) => publishing.showUnpublished || !entry.data.draft).then((topics) =>
    topics.sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title)),
  );
  return topicCache;
}

let cache: Promise<PublishedTalk[]> | undefined;

/**
 * Every announced talk (drafts only in `./hub dev`), soonest first. (That a talk's `topic` names a topic
 * file is checked while content loads, by src/loaders/talk-glob.ts.)
 */
export function getTalks(): Promise<PublishedTalk[]> {
  cache ??= getCollection('talks', (entry) => isAnnounced(entry.data, publishing)).then((entries) =>
    entries.map(fromEntry).sort(bySoonest),
  );
  return cache;
}

/** Upcoming and past talks at the build's moment (`HUB_NOW` in tests). */
export async function getTalkSchedule(): Promise<TalkSchedule<PublishedTalk>> {
  return partitionTalks(await getTalks(), publishing.now);
}
