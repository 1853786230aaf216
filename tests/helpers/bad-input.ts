/**
 * The checks every bad-input case gets: a build with the broken file fails; what it prints is the
 * one-line format of every content error (src/lib/validation.ts),
 *
 *     content/essays/x.md: description: is missing — add a one- or two-sentence summary
 *
 * naming the file and the field, with no stack trace and no Astro error class; and the site built
 * before (a `dist/` already there) is left exactly as it was.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHub, listFiles, plainOutput, SAMPLE_NOW, type BuiltSite } from './site.ts';

export interface BadInput {
  name: string;
  /** Files written over the fixture hub; `null` deletes one. */
  files: Record<string, string | Buffer | null>;
  /** The file the line must name, relative to the site root. */
  file: string;
  /** The field the line must name. */
  field: string;
  /** What else the line must say (its problem and fix). */
  expected: RegExp;
  /** The whole line, when a case pins it exactly. */
  line?: string;
}

/** Astro's own progress lines (`12:00:00 [content] Syncing content`), which are not about the mistake. */
const PROGRESS = /^\d{2}:\d{2}:\d{2} \[[\w-]+\] /;

/** `file: field: problem — fix` (or `file:line: …`), the format of every content error. */
export const PROBLEM_LINE = /^(\S[^:]*(?::\d+)?): ([^:\s][^:]*): (.+) — (.+)$/;

/** What the build printed besides Astro's progress lines: for a content error, just its lines. */
export function reportedLines(output: string): string[] {
  return plainOutput(output)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && !PROGRESS.test(line));
}

/** The page a previous, good build left in `dist/`; a failed build must not touch it. */
const PREVIOUS_BUILD = '<!doctype html><title>The site as it was</title>\n';

/** One `describe` per case, each with its own build of the fixture hub plus the case's files. */
export function describeBadInputs(cases: readonly BadInput[]): void {
  for (const bad of cases) {
    describe(bad.name, () => {
      let site: BuiltSite;
      let output: string;
      beforeAll(async () => {
        site = await buildHub({ files: { 'dist/index.html': PREVIOUS_BUILD, ...bad.files }, env: { HUB_NOW: SAMPLE_NOW } });
        output = plainOutput(site.output);
      });
      afterAll(async () => {
        await site?.cleanup();
      });

      test('fails the build', () => {
        expect(site.exitCode, output).not.toBe(0);
      });

      test('prints one line naming the file, the field, the problem and the fix, and nothing else', () => {
        const lines = reportedLines(site.output);
        const line = lines.find((candidate) => candidate.startsWith(`${bad.file}: ${bad.field}: `));
        expect(line, output).toBeDefined();
        expect(line).toMatch(PROBLEM_LINE);
        expect(line).toMatch(bad.expected);
        if (bad.line !== undefined) expect(line).toBe(bad.line);
        // Every line printed is a problem line: no stack trace, no "Location:", no Astro error class.
        for (const printed of lines) expect(printed, output).toMatch(PROBLEM_LINE);
        expect(output).not.toMatch(/\[\w*Error\]|Stack trace|^\s+at /m);
      });

      test('leaves the previous build in dist/ as it was', async () => {
        expect(await listFiles(site.dist)).toEqual(['/index.html']);
        expect(await readFile(join(site.dist, 'index.html'), 'utf8')).toBe(PREVIOUS_BUILD);
      });
    });
  }
}
