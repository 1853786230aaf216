/**
 * Every HTML file the build writes passes html-validate with the project's configuration
 * (.htmlvalidate.json at the root: the recommended rules, nothing turned off), so `npx html-validate
 * dist` after a build reports the same.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData, type Message } from 'html-validate';
import { afterAll, expect, test } from 'vitest';
import { listFiles, PROJECT_ROOT } from '../helpers/site.ts';
import { e2eSite } from './helpers/context.ts';
import { recordFigures } from './helpers/figures.ts';

const site = e2eSite();
const files = (await listFiles(site.dist)).filter((file) => file.endsWith('.html'));
// The build is in a temporary folder, outside the project, where html-validate would not find the file.
const config = JSON.parse(await readFile(join(PROJECT_ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
const validator = new HtmlValidate(config);
let errors = 0;

afterAll(async () => {
  await recordFigures(site.figuresDir, 'html-validate', {
    kind: 'gate',
    gate: 'html-validate (recommended)',
    checked: `${files.length} HTML files`,
    failures: errors,
    failureLabel: 'errors',
  });
});

const describeMessage = (message: Message): string =>
  `${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? ''})`;

test('the build has HTML files to check', () => {
  expect(files.length).toBeGreaterThan(20);
});

test.each(files)('%s', async (file) => {
  const report = await validator.validateFile(join(site.dist, file));
  errors += report.errorCount;
  expect(report.results.flatMap((result) => result.messages).map(describeMessage), `html-validate ${file}`).toEqual([]);
});
