/**
 * `./hub check`: builds the site (unless `--no-build`) and checks what was built. Exit code 0 when the
 * site can be published, 1 when the build or a check failed (each problem on a line of its own), 2 for
 * a bad argument. The publish workflow runs it before every deploy.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseOptions, runCommand } from '../lib/cli.ts';
import { checkBuiltSite } from './run.ts';

const USAGE = `usage: ./hub check [options]
  --no-build     check the site already in dist/ instead of building it first
  --dist DIR     the built site to check (default: dist)`;

const ASTRO = resolve(import.meta.dirname, '../../node_modules/astro/bin/astro.mjs');

if (import.meta.main) {
  await runCommand('check', USAGE, async () => {
    const values = parseOptions(process.argv.slice(2), {
      'no-build': { type: 'boolean' },
      dist: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) return { output: USAGE };
    const root = process.cwd();
    const dist = resolve(root, values.dist ?? 'dist');
    if (!values['no-build']) {
      // The build prints its own progress and, on bad content, the one line that names file and field.
      const build = spawnSync(process.execPath, [ASTRO, 'build'], { cwd: root, stdio: 'inherit' });
      if (build.status !== 0) return { output: 'check: the build failed (see above); nothing was checked', exitCode: 1 };
    }
    const started = performance.now();
    const report = await checkBuiltSite(dist, root);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const verdict =
      report.problems.length === 0
        ? `check: the site in ${values.dist ?? 'dist'} is ready to publish (${seconds} s)`
        : `check: ${report.problems.length} ${report.problems.length === 1 ? 'problem' : 'problems'} to fix before publishing (${seconds} s)`;
    return {
      output: [...report.summary.map((line) => `  ${line}`), ...report.problems.map((line) => `✗ ${line}`), verdict].join('\n'),
      exitCode: report.problems.length === 0 ? 0 : 1,
    };
  });
}
