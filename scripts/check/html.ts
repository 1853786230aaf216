/**
 * HTML validity of every page, with the project's html-validate configuration (`.htmlvalidate.json`:
 * the recommended rules, nothing turned off), read from the project root so a build made elsewhere
 * is judged by the same rules.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { listFiles } from './site-files.ts';

export interface HtmlProblem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

export interface HtmlCheck {
  files: number;
  problems: HtmlProblem[];
}

export async function checkHtml(dist: string, projectRoot: string): Promise<HtmlCheck> {
  const config = JSON.parse(await readFile(join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
  const validator = new HtmlValidate(config);
  const files = (await listFiles(dist)).filter((file) => file.endsWith('.html'));
  const problems: HtmlProblem[] = [];
  for (const file of files) {
    const report = await validator.validateFile(join(dist, file));
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push({ file, line: message.line, column: message.column, rule: message.ruleId, message: message.message });
      }
    }
  }
  return { files: files.length, problems };
}
