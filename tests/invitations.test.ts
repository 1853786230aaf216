/**
 * Invitations to speak, end to end on a copy of the fixture hub: `./hub new invitation` writes one,
 * `./hub new talk --from-invitation` turns an accepted one into a talk and links the two (once only,
 * never from a declined one), status lists those awaiting an answer, and the build counts them per
 * quarter on /impact/ without giving any of them a page. One site, built once, for the whole file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBuild } from '../scripts/lib/site-builder.ts';
import { runCli, type ScriptRun } from './helpers/run-script.ts';
import { listPages, makeSite, plainOutput, readPage, SAMPLE_NOW, useCleanBuildEnvironment } from './helpers/site.ts';

let root: string;
let cleanup: () => Promise<void>;

const runNew = (...args: string[]): Promise<ScriptRun> => runCli('new', args, { cwd: root });

async function frontMatterOf(path: string): Promise<Record<string, unknown>> {
  const text = await readFile(join(root, path), 'utf8');
  return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
}

beforeAll(async () => {
  useCleanBuildEnvironment();
  ({ root, cleanup } = await makeSite());
});

afterAll(() => cleanup());

describe('./hub new invitation and ./hub new talk --from-invitation', () => {
  test('writes a pending invitation dated today that says it is private', async () => {
    const run = await runNew('invitation', 'Community Energy Wales Gathering 2027');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Created content/invitations/community-energy-wales-gathering-2027.md');
    expect(run.stdout).toMatch(/Private: .*no page of its own/);
    expect(await frontMatterOf('content/invitations/community-energy-wales-gathering-2027.md')).toMatchObject({
      event: 'Community Energy Wales Gathering 2027',
      asked: new Date().toISOString().slice(0, 10),
      outcome: 'pending',
    });
  });

  test('turns an invitation into a talk carrying its fields, and marks it accepted with the talk’s name', async () => {
    const run = await runNew('talk', '--from-invitation', 'net-zero-councils-conference-2027');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Created content/talks/net-zero-councils-conference-2027.md');
    expect(run.stdout).toContain('Marked content/invitations/net-zero-councils-conference-2027.md accepted');
    expect(await frontMatterOf('content/talks/net-zero-councils-conference-2027.md')).toMatchObject({
      title: 'Net Zero Councils Conference 2027',
      event: { name: 'Net Zero Councils Conference 2027', organiser: { name: 'Local Government Climate Network' } },
      start: '2027-02-24T09:00',
      format: 'workshop',
      audienceSize: 60,
      invitation: 'net-zero-councils-conference-2027',
      draft: true,
    });
    const invitation = await readFile(join(root, 'content/invitations/net-zero-councils-conference-2027.md'), 'utf8');
    expect(await frontMatterOf('content/invitations/net-zero-councils-conference-2027.md')).toMatchObject({
      outcome: 'accepted',
      talk: 'net-zero-councils-conference-2027',
    });
    // The notes below the front matter are the person's; they stay as written.
    expect(invitation).toContain('Check the date against the board meeting.');
  });

  test('refuses a second talk from one invitation, a declined invitation and one that does not exist, in one line', async () => {
    const again = await runNew('talk', '--from-invitation', 'net-zero-councils-conference-2027', 'Another title');
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(
      'new: content/invitations/net-zero-councils-conference-2027.md: talk: already became content/talks/net-zero-councils-conference-2027.md — edit that talk, or remove `talk` to write another',
    );
    const declined = await runNew('talk', '--from-invitation', 'offshore-wind-investors-dinner-2026');
    expect(declined.code).toBe(1);
    expect(declined.stderr.trim()).toBe(
      'new: content/invitations/offshore-wind-investors-dinner-2026.md: outcome: is declined — set `outcome: accepted` first if you said yes after all',
    );
    const unknown = await runNew('talk', '--from-invitation', 'no-such-event');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toMatch(
      /^new: content\/invitations\/no-such-event\.md does not exist; the invitations are one of .*the-power-shift-podcast/,
    );
    expect(await readdir(join(root, 'content/talks'))).not.toContain('no-such-event.md');
  });

  test('status lists the invitations still awaiting an answer, oldest first', async () => {
    const run = await runCli('status', [], { cwd: root, env: { HUB_NOW: SAMPLE_NOW } });
    expect(run.code, run.stderr).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(run.stdout).toContain(
      [
        'Invitations  2 invitations to speak await an answer',
        '  2026-11-18  The Power Shift podcast (Priya Raman)  content/invitations/the-power-shift-podcast.md',
        `  ${today}  Community Energy Wales Gathering 2027 (Who asked)  content/invitations/community-energy-wales-gathering-2027.md`,
      ].join('\n'),
    );
  });

  test('the build counts them per quarter on /impact/ and gives none a page', async () => {
    const run = await runBuild(root, { HUB_NOW: SAMPLE_NOW, HUB_SHARE_CARDS: 'off', HUB_SEARCH: 'off' });
    expect(run.exitCode, plainOutput(run.output)).toBe(0);
    const dist = join(root, 'dist');
    const { document } = await readPage(dist, '/impact/');
    const section = document.querySelector('#invitations-heading')!.closest('section')!;
    // The fixture's five (the one written today is after SAMPLE_NOW): Q1 to Q4 2026.
    expect(section.querySelector('.impact-invitations')!.textContent).toBe(
      '5 invitations to speak this year (2026), 3 accepted (60%), 1 declined and 1 awaiting an answer.',
    );
    const rows = [...section.querySelectorAll('table tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()),
    );
    expect(rows).toEqual([
      ['Q1 2026', '1'],
      ['Q2 2026', '1'],
      ['Q3 2026', '1'],
      ['Q4 2026', '2'],
    ]);
    expect(section.querySelectorAll('.chart__bar')).toHaveLength(4);
    const pages = await listPages(dist);
    expect(pages.filter((page) => page.includes('invitation'))).toEqual([]);
    // The draft talk an invitation became is not published either.
    expect(pages.filter((page) => page.includes('net-zero-councils'))).toEqual([]);
  });
});
