/**
 * Every HTML file the build writes passes the W3C Nu HTML Checker (vnu.jar from the `vnu-jar` package,
 * the checker behind validator.w3.org/nu), with 0 errors — a second opinion beside html-validate,
 * which checks the project's own rules; the Nu checker checks the HTML standard itself (content models,
 * attribute values, what may follow `</html>`).
 *
 * One Java process checks every file (starting the JVM per page would cost a second each); warnings
 * are not failures (`--errors-only`). It needs a Java runtime: .ci/run installs Debian's
 * default-jre-headless when `java` is missing.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listFiles } from '../helpers/site.ts';
import { e2eSite } from './helpers/context.ts';
import { recordFigures } from './helpers/figures.ts';

// The jar itself: the package's own entry point would fetch a Java runtime when none is found, and nothing downloads at test time.
const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const site = e2eSite();
const files = (await listFiles(site.dist)).filter((file) => file.endsWith('.html'));
let errors = 0;

/** One message of vnu's JSON output (https://github.com/validator/validator/wiki/Output-»-JSON). */
interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
}

/** The messages for each file, keyed by its path inside dist/. */
const messagesByFile = new Map<string, NuMessage[]>();

beforeAll(async () => {
  const paths = files.map((file) => join(site.dist, file));
  // --exit-zero-always: errors come back as JSON to be reported per file, not as a failed process.
  const { stdout } = await promisify(execFile)(
    'java',
    ['-Xss1024k', '-jar', vnuJar, '--format', 'json', '--errors-only', '--exit-zero-always', '--stdout', ...paths],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error('the Nu HTML checker needs Java: apt-get install -y default-jre-headless');
    throw error;
  });
  const report = JSON.parse(stdout) as { messages: NuMessage[] };
  for (const message of report.messages) {
    // Named as listFiles names them: the path under dist/, with its leading slash.
    const file = message.url ? decodeURIComponent(new URL(message.url).pathname).slice(site.dist.length) : '(no file)';
    messagesByFile.set(file, [...(messagesByFile.get(file) ?? []), message]);
  }
}, 300_000);

afterAll(async () => {
  await recordFigures(site.figuresDir, 'nu-checker', {
    kind: 'gate',
    gate: 'W3C Nu HTML Checker (vnu)',
    checked: `${files.length} HTML files`,
    failures: errors,
    failureLabel: 'errors',
  });
});

const describeMessage = (message: NuMessage): string => `${message.lastLine ?? '?'}:${message.firstColumn ?? '?'} ${message.message}`;

test('the build has HTML files to check', () => {
  expect(files.length).toBeGreaterThan(20);
});

test('the checker reported nothing about a file it was not given', () => {
  const strays = [...messagesByFile.keys()].filter((file) => !files.includes(file));
  expect(strays.map((file) => `${file}: ${messagesByFile.get(file)!.map(describeMessage).join('; ')}`)).toEqual([]);
});

test.each(files)('%s', (file) => {
  const messages = messagesByFile.get(file) ?? [];
  errors += messages.length;
  expect(messages.map(describeMessage), `Nu HTML checker ${file}`).toEqual([]);
});
