/**
 * LinkedIn's API versions (`LinkedIn-Version: YYYYMM`, required on every /rest/ request). LinkedIn
 * publishes a version most months and keeps each one for about a year; a retired version answers
 * `426 {"code": "NONEXISTENT_VERSION", "message": "Requested version 20251101 is not active"}` to
 * every request, so a version fixed in code stops the hub a year later (issue 18).
 * https://learn.microsoft.com/linkedin/marketing/versioning
 * https://learn.microsoft.com/linkedin/marketing/integrations/migrations
 *
 * The hub therefore derives the version from the date — the one published three months ago, old
 * enough to exist for certain, young enough to have about nine months left — unless LINKEDIN_VERSION
 * names one. The table below is what LinkedIn's migrations page lists; `npm run status` reads it to
 * warn ahead of a sunset, and a test fails once its newest entry is close to retiring, so the table
 * is brought up to date before it is needed.
 */

/** Sunset dates from https://learn.microsoft.com/linkedin/marketing/integrations/migrations, as of 2026-12-01. */
export const LINKEDIN_VERSIONS: ReadonlyArray<{ version: string; sunset: string }> = [
  { version: '202508', sunset: '2026-08-17' },
  { version: '202510', sunset: '2026-10-15' },
  { version: '202511', sunset: '2026-11-16' },
  { version: '202601', sunset: '2027-01-15' },
  { version: '202602', sunset: '2027-02-15' },
  { version: '202603', sunset: '2027-03-16' },
];

/** When the table was last checked against LinkedIn's page. */
export const LINKEDIN_VERSIONS_CHECKED = '2026-12-01';

/** Months back from today for the derived version: published for certain, with most of its year ahead. */
const MONTHS_BACK = 3;

/** Days before a sunset from which status warns. */
export const SUNSET_WARNING_DAYS = 30;

const DAY_MS = 86_400_000;

function monthOf(version: string): { year: number; month: number } | undefined {
  const match = /^(\d{4})(\d{2})$/.exec(version);
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : undefined;
}

const format = (year: number, month: number): string => `${year}${String(month).padStart(2, '0')}`;

/**
 * The version published `MONTHS_BACK` months before `now`. LinkedIn published no December version in
 * 2024 or 2025 (the table goes from 202411 to 202501 and from 202511 to 202601), so December reads as
 * that year's November.
 */
export function derivedLinkedInVersion(now: number): string {
  const date = new Date(now);
  const months = date.getUTCFullYear() * 12 + date.getUTCMonth() - MONTHS_BACK;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  return month === 12 ? format(year, 11) : format(year, month);
}

export interface VersionStatus {
  version: string;
  /** The sunset date (YYYY-MM-DD): LinkedIn's, or estimated a year after release when the table does not list it. */
  sunset: string;
  estimated: boolean;
  /** Whole days from `now` to the sunset; negative once it has passed. */
  daysLeft: number;
}

/** When a version retires, from the table or (not listed) a year after its month, mid-month as LinkedIn does. */
export function linkedInVersionStatus(version: string, now: number): VersionStatus | undefined {
  const month = monthOf(version);
  if (!month) return undefined;
  const listed = LINKEDIN_VERSIONS.find((entry) => entry.version === version);
  const sunset = listed?.sunset ?? `${month.year + 1}-${String(month.month).padStart(2, '0')}-15`;
  return { version, sunset, estimated: !listed, daysLeft: Math.floor((Date.parse(`${sunset}T00:00:00Z`) - now) / DAY_MS) };
}

/**
 * A version to tell a person to set: the derived one, or — when that is the one LinkedIn just refused
 * — the newest one its table lists with more than `SUNSET_WARNING_DAYS` left.
 */
export function suggestedLinkedInVersion(now: number, refused?: string): string {
  const derived = derivedLinkedInVersion(now);
  if (derived !== refused) return derived;
  const listed = LINKEDIN_VERSIONS.filter(
    (entry) => entry.version !== refused && (linkedInVersionStatus(entry.version, now)?.daysLeft ?? -1) > SUNSET_WARNING_DAYS,
  );
  return listed.at(-1)?.version ?? derived;
}

/** A LINKEDIN_VERSION value that is not YYYYMM, for the one line that says so. */
export function isLinkedInVersion(value: string): boolean {
  return monthOf(value) !== undefined;
}
