/**
 * The checks every bad-input case gets: a build with the broken file fails, its message names the
 * file, the field and what was expected, and it leaves no pages or feeds behind.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildHub, listFiles, plainOutput, SAMPLE_NOW, type BuiltSite } from './site.ts';

export interface BadInput {
  name: string;
  /** Files written over the fixture hub; `null` deletes one. */
  files: Record<string, string | Buffer | null>;
  /** The file the message must name, relative to the site root. */
  file: string;
  /** The field the message must name, as `field: expected …`. */
  field: string;
  /** What the message must say was expected. */
  expected: RegExp;
}

/** One `describe` per case, each with its own build of the fixture hub plus the case's files. */
export function describeBadInputs(cases: readonly BadInput[]): void {
  for (const bad of cases) {
    describe(bad.name, () => {
      let site: BuiltSite;
      let output: string;
      beforeAll(async () => {
        site = await buildHub({ files: bad.files, env: { HUB_NOW: SAMPLE_NOW } });
        output = plainOutput(site.output);
      });
      afterAll(async () => {
        await site?.cleanup();
      });

      test('fails the build', () => {
        expect(site.exitCode, output).not.toBe(0);
      });

      test('names the file, the field and what was expected', () => {
        expect(output, output).toContain(bad.file);
        expect(output).toMatch(new RegExp(`(^|[\\s:])${bad.field.replace(/\./g, '\\.')}: expected`, 'm'));
        expect(output).toMatch(bad.expected);
      });

      test('leaves nothing half-written', async () => {
        expect(existsSync(join(site.dist, 'index.html'))).toBe(false);
        const written = existsSync(site.dist) ? await listFiles(site.dist) : [];
        expect(written.filter((file) => /\.(html|xml|json|ics)$/.test(file))).toEqual([]);
      });
    });
  }
}
