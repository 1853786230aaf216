/** What awaits the person's answer from the press watch, as `press`, `status` and `conversations` show it. */
import { readPressEntries, type PressEntry } from '../lib/content.ts';

/** The proposals awaiting the person's answer: drafts the press watch wrote, oldest found first. */
export async function pressAwaitingReview(root: string): Promise<PressEntry[]> {
  return (await readPressEntries(root))
    .filter((entry) => entry.draft && entry.proposed)
    .sort((a, b) => a.proposed!.foundAt.localeCompare(b.proposed!.foundAt) || a.id.localeCompare(b.id));
}

/** The line status and conversations show: how many, and the command for the first. */
export function reviewLine(waiting: ReadonlyArray<{ id: string }>): string | undefined {
  if (waiting.length === 0) return undefined;
  const ids = waiting.map((entry) => entry.id);
  return `${waiting.length} press ${waiting.length === 1 ? 'mention' : 'mentions'} to review: ./hub run press -- confirm ${ids.join(' ')} (or reject; ./hub run press lists them)`;
}
