/**
 * Theories in public: stages, the revision log and "recently tended". Pure functions, used by the
 * theory schema (src/schemas/theory.ts) and the pages.
 */

/** How far along an idea is, from first hunch to settled conviction (or retired). */
export const THEORY_STAGES = ['hunch', 'working-theory', 'conviction', 'retired'] as const;

export type TheoryStage = (typeof THEORY_STAGES)[number];

const STAGE_LABELS: Record<TheoryStage, string> = {
  hunch: 'Hunch',
  'working-theory': 'Working theory',
  conviction: 'Conviction',
  retired: 'Retired',
};

/** How a stage reads on the page and on share cards. */
export function stageLabel(stage: TheoryStage): string {
  return STAGE_LABELS[stage];
}

/** What each stage means, for a reader who has never seen the scale: the half-line after its label. */
const STAGE_MEANINGS: Record<TheoryStage, string> = {
  hunch: 'an early idea, more question than answer',
  'working-theory': 'being tested against what I see',
  conviction: 'settled enough to act on',
  retired: 'no longer held, kept for the record',
};

/** "Working theory — being tested against what I see": a stage with what it means, for a theory's header. */
export function stageExplained(stage: TheoryStage): string {
  return `${STAGE_LABELS[stage]} — ${STAGE_MEANINGS[stage]}`;
}

/** One entry of a revision log, as the schema gives it. */
export interface RevisionLike {
  date: Date;
  stage?: TheoryStage | undefined;
  change: string;
  why: string;
}

interface Revisable {
  date: Date;
  updated?: Date | undefined;
  revisions: readonly RevisionLike[];
}

/** A validation problem: the field path and what was expected, as Zod issues carry them. */
export interface Problem {
  path: Array<string | number>;
  message: string;
}

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** The latest revision (the last one written wins a tie), or undefined without any. */
export function latestRevision<R extends RevisionLike>(revisions: readonly R[]): R | undefined {
  let latest: R | undefined;
  for (const revision of revisions) if (!latest || revision.date >= latest.date) latest = revision;
  return latest;
}

/**
 * What is wrong with a theory's dates: a revision before the theory was published, an `updated`
 * before `date`, or an `updated` written out that is older than the latest revision (it would hide
 * that revision from feeds and "recently tended").
 */
export function revisionProblems(theory: Revisable): Problem[] {
  const problems: Problem[] = [];
  theory.revisions.forEach((revision, index) => {
    if (revision.date < theory.date) {
      problems.push({
        path: ['revisions', index, 'date'],
        message: `expected a date on or after the theory's date (${day(theory.date)}), got ${day(revision.date)}`,
      });
    }
  });
  if (theory.updated && theory.updated < theory.date) {
    problems.push({ path: ['updated'], message: 'expected `updated` to be on or after `date`' });
  }
  const latest = latestRevision(theory.revisions);
  if (theory.updated && latest && theory.updated < latest.date) {
    problems.push({
      path: ['updated'],
      message: `expected \`updated\` on or after the latest revision (${day(latest.date)}), or no \`updated\` at all: it defaults to that revision's date`,
    });
  }
  return problems;
}

/** Revisions oldest first (stable for one date), and `updated` defaulting to the latest revision's date. */
export function settleRevisions<T extends Revisable>(theory: T): T & { updated?: Date | undefined } {
  const revisions = theory.revisions
    .map((revision, index) => ({ revision, index }))
    .sort((a, b) => a.revision.date.getTime() - b.revision.date.getTime() || a.index - b.index)
    .map(({ revision }) => revision);
  const updated = theory.updated ?? latestRevision(revisions)?.date;
  return { ...theory, revisions, ...(updated ? { updated } : {}) };
}

/** One step of a theory's visible history, oldest first: its first publication, then each revision. */
export interface TimelineStep {
  date: Date;
  /** The stage the theory moved to at this step, when it moved. */
  stage?: TheoryStage | undefined;
  change: string;
  why?: string | undefined;
}

/** The timeline a theory page shows: "First published", then every revision in date order. */
export function theoryTimeline(theory: { date: Date; revisions: readonly RevisionLike[] }): TimelineStep[] {
  return [{ date: theory.date, change: 'First published.' }, ...settleRevisions({ ...theory, updated: undefined }).revisions];
}

/** Anything "recently tended" can order: when it was published and last changed. */
export interface Tendable {
  slug: string;
  date: Date;
  updated?: Date | undefined;
}

const tended = (item: Tendable): number => Math.max(item.date.getTime(), item.updated?.getTime() ?? 0);

/** Most recently changed first (a revision counts as much as first publication); ties by slug. */
export function byRecentlyTended(a: Tendable, b: Tendable): number {
  return tended(b) - tended(a) || a.slug.localeCompare(b.slug);
}
