/**
 * The person's answers as the pages read them (`content/evidence/answers.json`, written by
 * `./hub run reply`): each posted answer under the reply it answers. Empty until the first answer.
 * An answer still in flight is not shown: it may not exist.
 */
import { getEntry } from 'astro:content';
import { emptyAnswers, type Answers, type PostedAnswer } from '../contract/answers.ts';
import { ANSWERS_ENTRY_ID } from '../loaders/answers-file.ts';

let cache: Promise<Answers> | undefined;

function getAnswers(): Promise<Answers> {
  cache ??= (async () => (await getEntry('answers', ANSWERS_ENTRY_ID))?.data ?? emptyAnswers())();
  return cache;
}

/** The person's posted answers to the replies of one piece, by the reply they answer (`answerKey`). */
export async function getAnswersTo(item: string): Promise<Map<string, PostedAnswer>> {
  const { answers } = await getAnswers();
  return new Map(
    Object.entries(answers).flatMap(([key, answer]) => (answer.status === 'posted' && answer.item === item ? [[key, answer]] : [])),
  );
}
