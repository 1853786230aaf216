/**
 * The evidence branch (issue 14, item 20), with real git repositories in a temporary folder: a bare
 * "origin" as GitHub, the person's clone that writes and pushes to main, and the publish workflow's
 * runs as fresh clones (what actions/checkout with fetch-depth 0 makes) that run
 * scripts/ci/evidence.sh — the same script, and the same commands, as .github/workflows/publish.yml.
 *
 * What it proves: the workflow's records never move main, so the person's pushes go through without a
 * pull; a hand edit on the evidence branch made while a run was posting is kept, and an edit to the
 * same file on both sides stops the record with nothing pushed; a person who fetched sees the
 * evidence locally, and a local record is never thrown away by the next checkout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from './helpers/site.ts';

const SCRIPT = join(PROJECT_ROOT, 'scripts/ci/evidence.sh');

let root: string;
let origin: string;
let person: string;
let env: NodeJS.ProcessEnv;

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} (in ${cwd}) exited ${result.status}: ${result.stderr}`);
  return result.stdout.trim();
}

function tryGit(cwd: string, ...args: string[]): Result {
  const result = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the script; its outputs (`key=value` lines on standard output outside GitHub Actions) parsed. */
function evidence(cwd: string, ...args: string[]): Result & { outputs: Record<string, string> } {
  const result = spawnSync('bash', [SCRIPT, ...args], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    result.stdout
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs };
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** The files of a branch on origin, path → text. */
function branchFiles(branch: string): Record<string, string> {
  const names = git(origin, 'ls-tree', '-r', '--name-only', branch).split('\n').filter(Boolean);
  return Object.fromEntries(names.map((name) => [name, git(origin, 'show', `${branch}:${name}`)]));
}

let runs = 0;

/** A publish run's networks job: a fresh clone of every branch, the evidence put in place. */
function startRun(): { dir: string; base: string } {
  runs += 1;
  const dir = join(root, `run-${runs}`);
  git(root, 'clone', '--quiet', origin, dir);
  const checkout = evidence(dir, 'checkout');
  expect(checkout.status, checkout.stderr).toBe(0);
  return { dir, base: checkout.outputs['base'] ?? '' };
}

/** The run's `record` job: the evidence folder as the networks job left it, on top of the base it read. */
function recordRun(run: { dir: string; base: string }): Result & { outputs: Record<string, string> } {
  return evidence(
    run.dir,
    'record',
    join(run.dir, 'content/evidence'),
    '--base',
    run.base,
    '--message',
    `Evidence from publish run ${runs} [skip ci]`,
  );
}

const LEDGER = (items: string[]): string =>
  `${JSON.stringify({ version: 1, items: Object.fromEntries(items.map((key) => [key, { networks: {} }])) }, null, 2)}\n`;

beforeEach(async () => {
  runs = 0;
  root = await mkdtemp(join(tmpdir(), 'hub-evidence-branch-'));
  // A git of its own: no system or user configuration, a fixed identity, retries without waiting.
  env = {
    PATH: process.env['PATH'],
    HOME: root,
    GIT_CONFIG_NOSYSTEM: '1',
    LANG: 'C',
    GIT_AUTHOR_NAME: 'Ada',
    GIT_AUTHOR_EMAIL: 'ada@example.org',
    GIT_COMMITTER_NAME: 'Ada',
    GIT_COMMITTER_EMAIL: 'ada@example.org',
    EVIDENCE_RETRY_SECONDS: '0',
  };
  origin = join(root, 'origin.git');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  person = join(root, 'person');
  git(root, 'clone', '--quiet', origin, person);
  git(person, 'checkout', '--quiet', '-b', 'main');
  // The project's own .gitignore: main never tracks content/evidence/.
  await copyFile(join(PROJECT_ROOT, '.gitignore'), join(person, '.gitignore'));
  await write(join(person, 'content/essays/first.md'), '---\ntitle: First\n---\nHello.\n');
  git(person, 'add', '.');
  git(person, 'commit', '--quiet', '-m', 'My hub');
  git(person, 'push', '--quiet', '-u', 'origin', 'main');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the publish workflow records to the evidence branch', () => {
  test('the first run creates the branch, main does not move, and the person’s next push goes through without a pull', async () => {
    const mainBefore = git(origin, 'rev-parse', 'main');
    // The person writes while the run posts; their commit is not pushed yet.
    await write(join(person, 'content/essays/second.md'), '---\ntitle: Second\n---\nMore.\n');
    git(person, 'add', 'content');
    git(person, 'commit', '--quiet', '-m', 'Essay: second');

    const run = startRun();
    expect(run.base).toBe('');
    await write(join(run.dir, 'content/evidence/syndication.json'), LEDGER(['essay/first']));
    expect(evidence(run.dir, 'changed').outputs).toEqual({ changed: 'true' });
    const recorded = recordRun(run);
    expect(recorded.status, recorded.stderr).toBe(0);

    expect(recorded.outputs['sha']).toBe(git(origin, 'rev-parse', 'evidence'));
    expect(branchFiles('evidence')).toEqual({ 'syndication.json': LEDGER(['essay/first']).trim() });
    expect(git(origin, 'log', '-1', '--format=%s', 'evidence')).toBe('Evidence from publish run 1 [skip ci]');
    expect(git(origin, 'rev-parse', 'main')).toBe(mainBefore);

    // Before the evidence branch, the record was a commit on main and this push was refused.
    const push = tryGit(person, 'push', 'origin', 'main');
    expect(push.status, push.stderr).toBe(0);
    expect(Object.keys(branchFiles('main')).sort()).toEqual(['.gitignore', 'content/essays/first.md', 'content/essays/second.md']);
  });

  test('the next run starts from what the last one recorded; nothing changed means nothing recorded', async () => {
    const first = startRun();
    await write(join(first.dir, 'content/evidence/syndication.json'), LEDGER(['essay/first']));
    const firstSha = recordRun(first).outputs['sha'];

    const second = startRun();
    expect(second.base).toBe(firstSha);
    expect(await readFile(join(second.dir, 'content/evidence/syndication.json'), 'utf8')).toBe(LEDGER(['essay/first']));
    expect(evidence(second.dir, 'changed').outputs).toEqual({ changed: 'false' });
    const unchanged = recordRun(second);
    expect([unchanged.status, unchanged.outputs['sha']]).toEqual([0, '']);

    await write(
      join(second.dir, 'content/evidence/engagement/2026-12-01T05-41-00Z.json'),
      '{"collectedAt":"2026-12-01T05:41:00Z","items":{}}\n',
    );
    const recorded = recordRun(second);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(git(origin, 'rev-parse', 'evidence^')).toBe(firstSha);
    expect(Object.keys(branchFiles('evidence')).sort()).toEqual(['engagement/2026-12-01T05-41-00Z.json', 'syndication.json']);
  });

  test('a hand edit pushed to the branch while a run posts is kept; the same file edited on both sides stops the record, nothing pushed', async () => {
    const first = startRun();
    await write(join(first.dir, 'content/evidence/syndication.json'), LEDGER(['essay/first']));
    recordRun(first);

    // The person corrects a snapshot by hand on the branch (a worktree of their own clone).
    git(person, 'fetch', '--quiet');
    const hand = join(root, 'hand');
    const handEdit = async (file: string, text: string, message: string): Promise<string> => {
      if (!existsSync(hand)) git(person, 'worktree', 'add', '--quiet', '-b', 'evidence', hand, 'origin/evidence');
      else git(hand, 'pull', '--quiet', '--ff-only', 'origin', 'evidence');
      await write(join(hand, file), text);
      git(hand, 'add', file);
      git(hand, 'commit', '--quiet', '-m', message);
      git(hand, 'push', '--quiet', 'origin', 'evidence');
      return git(hand, 'rev-parse', 'HEAD');
    };

    const run = startRun();
    await write(join(run.dir, 'content/evidence/syndication.json'), LEDGER(['essay/first', 'essay/second']));
    const handSha = await handEdit('engagement/2026-11-30T05-41-00Z.json', '{"by":"hand"}\n', 'Fix a snapshot');
    const merged = recordRun(run);
    expect(merged.status, merged.stderr).toBe(0);
    expect(git(origin, 'rev-parse', 'evidence^')).toBe(handSha);
    expect(branchFiles('evidence')).toEqual({
      'engagement/2026-11-30T05-41-00Z.json': '{"by":"hand"}',
      'syndication.json': LEDGER(['essay/first', 'essay/second']).trim(),
    });

    const clash = startRun();
    await write(join(clash.dir, 'content/evidence/syndication.json'), LEDGER(['essay/first', 'essay/second', 'essay/third']));
    const handLedger = await handEdit('syndication.json', LEDGER(['essay/first']), 'Forget essay/second');
    const refused = recordRun(clash);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^evidence: changed both here and on the evidence branch since [0-9a-f]{12}: syndication\.json; nothing was pushed/m,
    );
    expect(git(origin, 'rev-parse', 'evidence')).toBe(handLedger);
  });

  test('a push that loses a race with another is tried again on top of it', async () => {
    const first = startRun();
    await write(join(first.dir, 'content/evidence/syndication.json'), LEDGER(['essay/first']));
    recordRun(first);

    // Another record, ready to land on the branch at the worst moment.
    const other = join(root, 'other');
    git(person, 'fetch', '--quiet');
    git(person, 'worktree', 'add', '--quiet', '--detach', other, 'origin/evidence');
    await write(join(other, 'engagement/a.json'), '{}\n');
    git(other, 'add', '.');
    git(other, 'commit', '--quiet', '-m', 'Another record');

    const run = startRun();
    await write(join(run.dir, 'content/evidence/syndication.json'), LEDGER(['essay/first', 'essay/second']));
    // A git in front of the real one: the run's first push is preceded by the other record's.
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    const shims = join(root, 'shims');
    await write(
      join(shims, 'git'),
      `#!/bin/sh\nif [ "$1" = push ] && [ ! -e "${root}/raced" ]; then\n  touch "${root}/raced"\n  "${realGit}" -C "${other}" push --quiet origin HEAD:refs/heads/evidence || exit 99\nfi\nexec "${realGit}" "$@"\n`,
    );
    spawnSync('chmod', ['+x', join(shims, 'git')]);
    env = { ...env, PATH: `${shims}:${env['PATH']}` };
    const recorded = recordRun(run);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(existsSync(join(root, 'raced'))).toBe(true);
    expect(recorded.stderr).toContain('evidence: the evidence branch moved on (attempt 1 of 5); trying again on top of it');
    expect(git(origin, 'log', '--format=%s', 'evidence').split('\n')).toEqual([
      'Evidence from publish run 2 [skip ci]',
      'Another record',
      'Evidence from publish run 1 [skip ci]',
    ]);
    expect(branchFiles('evidence')).toEqual({
      'engagement/a.json': '{}',
      'syndication.json': LEDGER(['essay/first', 'essay/second']).trim(),
    });
  });
});

describe('the person’s own clone', () => {
  test('sees the evidence after a fetch and a checkout, untracked on main', async () => {
    const run = startRun();
    await write(join(run.dir, 'content/evidence/syndication.json'), LEDGER(['essay/first']));
    recordRun(run);

    // Never fetched: no evidence locally, and that is fine.
    expect(existsSync(join(person, 'content/evidence'))).toBe(false);
    const shown = evidence(person, 'checkout', '--fetch');
    expect(shown.status, shown.stderr).toBe(0);
    expect(await readFile(join(person, 'content/evidence/syndication.json'), 'utf8')).toBe(LEDGER(['essay/first']));
    expect(git(person, 'status', '--porcelain')).toBe('');
  });

  test('a record made on this machine is never thrown away by the next checkout, and `record` pushes it', async () => {
    const run = startRun();
    await write(join(run.dir, 'content/evidence/syndication.json'), LEDGER(['essay/first']));
    recordRun(run);
    expect(evidence(person, 'checkout', '--fetch').status).toBe(0);

    // A `./hub run syndicate` on the person's machine writes the ledger.
    await write(join(person, 'content/evidence/syndication.json'), LEDGER(['essay/first', 'note/local']));
    const refused = evidence(person, 'checkout', '--fetch');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^evidence: content\/evidence\/ holds changes that are not on the evidence branch .*scripts\/ci\/evidence\.sh record content\/evidence/m,
    );
    expect(await readFile(join(person, 'content/evidence/syndication.json'), 'utf8')).toBe(LEDGER(['essay/first', 'note/local']));

    const pushed = evidence(person, 'record', 'content/evidence', '--message', 'Posted from my laptop');
    expect(pushed.status, pushed.stderr).toBe(0);
    expect(branchFiles('evidence')['syndication.json']).toBe(LEDGER(['essay/first', 'note/local']).trim());
    expect(evidence(person, 'changed').outputs).toEqual({ changed: 'false' });
    expect(evidence(person, 'checkout', '--fetch').status).toBe(0);
  });

  test('a hub whose main tracked content/evidence/ before the branch: the first record starts from it, later runs replace it', async () => {
    await write(join(person, 'content/evidence/syndication.json'), LEDGER(['essay/old']));
    git(person, 'add', '--force', 'content/evidence');
    git(person, 'commit', '--quiet', '-m', 'Evidence from an old run');
    git(person, 'push', '--quiet');

    const first = startRun();
    expect(first.base).toBe('');
    await write(join(first.dir, 'content/evidence/engagement/b.json'), '{}\n');
    const seeded = recordRun(first);
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(branchFiles('evidence')).toEqual({ 'engagement/b.json': '{}', 'syndication.json': LEDGER(['essay/old']).trim() });

    const second = startRun();
    expect(second.base).toBe(seeded.outputs['sha']);
    expect(existsSync(join(second.dir, 'content/evidence/engagement/b.json'))).toBe(true);
    const tracked = evidence(second.dir, 'checkout');
    expect(tracked.stderr).toContain(
      'evidence: content/evidence/ is tracked on this branch; the evidence branch keeps it now, so stop tracking it: git rm -r --cached content/evidence',
    );
  });

  test('says so, and changes nothing, when origin cannot be reached or there is nothing to record', async () => {
    const none = evidence(person, 'checkout', '--fetch');
    expect([none.status, none.outputs['base']]).toEqual([0, '']);
    expect(none.stderr).toContain('evidence: no evidence branch yet: content/evidence/ is left as it is');

    await mkdir(join(person, 'content/evidence'), { recursive: true });
    await writeFile(join(person, 'content/evidence/.syndication.json.123.tmp'), 'half');
    const empty = evidence(person, 'record', 'content/evidence');
    expect([empty.status, empty.stderr.trim()]).toEqual([
      1,
      'evidence: content/evidence: holds no files; refusing to record an empty ledger',
    ]);

    git(person, 'remote', 'set-url', 'origin', join(root, 'nowhere.git'));
    const unreachable = evidence(person, 'checkout', '--fetch');
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toMatch(/^evidence: could not reach origin to read the evidence branch$/m);
    expect(tryGit(origin, 'rev-parse', '--verify', '-q', 'evidence').status).not.toBe(0);
  });
});
