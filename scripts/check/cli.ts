/**
 * `./hub check`: builds the site (unless `--no-build`) and checks what was built. Exit code 0 when the
 * site can be published, 1 when the build or a check failed (each problem on a line of its own), 2 for
 * a bad argument. The publish workflow runs it before every deploy.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runCommand } from '../lib/cli.ts';
import { checkBuiltSite, type CheckReport } from './run.ts';

const USAGE = `usage: ./hub check [options]
  --no-build     check the site already in dist/ instead of building it first
  --dist DIR     the built site to check (default: dist)
  --json         print the result as JSON (the build's own output goes to stderr)`;

const ASTRO = resolve(import.meta.dirname, '../../node_modules/astro/bin/astro.mjs');

/** What --json prints: whether the site may be published, and the same lines the text shows. */
function checkJson(dist: string | undefined, report: CheckReport): { ready: boolean; dist: string } & CheckReport {
  return { ready: report.problems.length === 0, dist: dist ?? 'dist', ...report };
}

if (import.meta.main) {
  await runCommand({
    name: 'check',
    usage: USAGE,
    options: {
      'no-build': { type: 'boolean' },
      dist: { type: 'string' },
      json: { type: 'boolean' },
    },
    run: async ({ values }) => {
      const root = process.cwd();
      const dist = resolve(root, values.dist ?? 'dist');
      if (!values['no-build']) {
        // The build prints its own progress and, on bad content, the one line that names file and field;
        // under --json on stderr, since stdout is then only JSON.
        const build = spawnSync(process.execPath, [ASTRO, 'build'], {
          cwd: root,
          stdio: values.json ? ['inherit', 2, 'inherit'] : 'inherit',
        });
        if (build.status !== 0) {
          const failed = 'the build failed (see above); nothing was checked';
          return values.json
            ? { json: checkJson(values.dist, { summary: [], problems: [failed] }), exitCode: 1 }
            : { output: `check: ${failed}`, exitCode: 1 };
        }
      }
      const started = performance.now();
      const report = await checkBuiltSite(dist, root);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const exitCode = report.problems.length === 0 ? 0 : 1;
      if (values.json) {
        return { json: checkJson(values.dist, report), exitCode };
      }
      const verdict =
        report.problems.length === 0
          ? `check: the site in ${values.dist ?? 'dist'} is ready to publish (${seconds} s)`
          : `check: ${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'} to fix before publishing (${seconds} s)`;
      return {
        output: [...report.summary.map((line) => `  ${line}`), ...report.problems.map((line) => `✗ ${line}`), verdict].join('\n'),
        exitCode,
      };
    },
  });
}
