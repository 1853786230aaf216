import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ContentError } from '../lib/validation.ts';
import { checkFrontMatterDates } from './front-matter-dates.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'front-matter-dates-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function check(frontMatter: string[]): Promise<string | undefined> {
  const path = join(folder, 'x.md');
  await writeFile(path, ['---', ...frontMatter, '---', '', 'Body.', ''].join('\n'));
  const problem = await checkFrontMatterDates(path, 'content/theories/x.md');
  return problem && `${problem.field}: ${problem.problem}`;
}

const theory = ['title: T', 'summary: S.', 'date: 2026-05-01'];

describe('checkFrontMatterDates', () => {
  test('returns nothing when every date is real', async () => {
    expect(await check([...theory, 'updated: 2026-06-01', 'revisions: [{ date: 2026-06-01, change: C, why: W }]'])).toBeUndefined();
  });

  test('finds an impossible top-level date', async () => {
    expect(await check(['title: T', 'date: 2026-02-30'])).toBe('date: is "2026-02-30", which is not a day on the calendar');
  });

  test('finds an impossible date in a block list item', async () => {
    expect(await check([...theory, 'revisions:', '  - date: 2026-02-30', '    change: C.'])).toBe(
      'revisions.date: is "2026-02-30", which is not a day on the calendar',
    );
  });

  test('finds an impossible date inside a YAML flow collection', async () => {
    expect(await check([...theory, 'revisions: [{ date: 2026-02-30, change: C, why: W }]'])).toBe(
      'revisions.date: is "2026-02-30", which is not a day on the calendar',
    );
  });

  test('finds an impossible date in a flow mapping spread over lines, and a quoted one', async () => {
    expect(await check([...theory, 'revisions:', '  - { change: C,', '      date: "2026-04-31" }'])).toBe(
      'revisions.date: is "2026-04-31", which is not a day on the calendar',
    );
  });

  test('finds an impossible `updated` written in flow style at the top level', async () => {
    expect(await check(['{ title: T, date: 2026-05-01, updated: 2026-13-01 }'])).toBe(
      'updated: is "2026-13-01", which is not a day on the calendar',
    );
  });

  test('is not fooled by a key that only looks like `date:` inside a string', async () => {
    expect(await check([...theory, 'title2: "date: 2026-02-30"'].filter((line) => line !== 'title: T'))).toBeUndefined();
  });

  test('leaves `since: 2013` and other values that are not would-be dates to the schema', async () => {
    expect(await check(['title: T', 'since: 2013', 'position: P.'])).toBeUndefined();
  });

  test('a file that is not UTF-8 is a ContentError naming the file and the line', async () => {
    const path = join(folder, 'latin1.md');
    await writeFile(
      path,
      Buffer.concat([Buffer.from('---\ntitle: T\ndate: 2026-05-01\n---\n\n'), Buffer.from('Caf\xe9 society\n', 'latin1')]),
    );
    const error = await checkFrontMatterDates(path, 'content/essays/latin1.md').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toBe(
      'content/essays/latin1.md: (whole file): is not UTF-8 text (line 6 has a character in another encoding, such as Latin-1 or Windows-1252) — save the file as UTF-8 (most editors offer it under “Save with encoding”)',
    );
  });
});
