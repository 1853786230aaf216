/**
 * The architecture as a test: the import rules in .dependency-cruiser.mjs hold over src/, scripts/ and
 * tests/, and no script names content/ except the modules allowed to. Each rule is also shown to fail,
 * on tiny modules written into a temp folder, so a rule that stopped matching anything would be noticed.
 */
import { globSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import ts from 'typescript';
import { afterAll, describe, expect, test } from 'vitest';
import rules, { CONTENT_READERS, CONTENT_WRITERS } from '../.dependency-cruiser.mjs';

const root = join(import.meta.dirname, '..');
// Typed optional by dependency-cruiser; the rule file always has it (and the temp-folder case checks each rule fires).
const forbidden = rules.forbidden ?? [];

/** Every rule broken in `baseDir`, as `rule: from → to` lines (a cycle lists its modules). */
async function violations(baseDir: string, folders: string[]): Promise<string[]> {
  const { output } = await cruise(folders, { ...rules.options, baseDir, validate: true, ruleSet: { forbidden } });
  if (typeof output === 'string') throw new Error('dependency-cruiser: expected a result object, got formatted text');
  return output.summary.violations.map(
    (violation) =>
      `${violation.rule.name}: ${violation.from} → ${violation.cycle ? violation.cycle.map((step) => step.name).join(' → ') : violation.to}`,
  );
}

const allowedToNameContent = (file: string): boolean =>
  [...CONTENT_READERS, ...CONTENT_WRITERS].some((pattern) => new RegExp(pattern).test(file));

/**
 * Where a module names the content folder: a string starting with `content/`, or `content` joined onto
 * a path (`join(root, 'content')`). Comments, and `content` as an HTML attribute name, do not count.
 */
function contentPaths(file: string, text: string): string[] {
  const found: string[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const literalText = (node: ts.Node): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return node.head.text;
    return undefined;
  };
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    const joinsContent =
      ts.isCallExpression(node) &&
      /^(join|resolve)$/.test(
        ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : node.expression.getText(source),
      ) &&
      node.arguments.some((argument) => literalText(argument) === 'content');
    if (joinsContent || text?.startsWith('content/')) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.getText(source).slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the project', () => {
  test('keeps the import rules of .dependency-cruiser.mjs: no cycles, one direction, content read in one place', async () => {
    expect(await violations(root, ['src', 'scripts', 'tests'])).toEqual([]);
  });

  test('names content/ only in the modules that read or write it', async () => {
    const scripts = globSync('scripts/**/*.ts', { cwd: root }).map((file) => file.split('\\').join('/'));
    const offenders = scripts
      .filter((file) => !file.startsWith('scripts/bench/baseline/') && !file.endsWith('.test.ts') && !allowedToNameContent(file))
      .flatMap((file) => contentPaths(file, ts.sys.readFile(join(root, file)) ?? ''));
    expect(offenders).toEqual([]);
  });
});

describe('each rule', () => {
  const temps: string[] = [];
  afterAll(async () => {
    await Promise.all(temps.map((temp) => rm(temp, { recursive: true, force: true })));
  });

  async function project(files: Record<string, string>): Promise<string> {
    const temp = await mkdtemp(join(tmpdir(), 'hub-architecture-'));
    temps.push(temp);
    for (const [file, text] of Object.entries(files)) {
      await mkdir(dirname(join(temp, file)), { recursive: true });
      await writeFile(join(temp, file), text);
    }
    return temp;
  }

  test('fails on what it forbids', async () => {
    const temp = await project({
      // A cycle through a type-only import still counts.
      'src/lib/a.ts': "import type { B } from './b.ts';\nexport type A = { b?: B };\n",
      'src/lib/b.ts': "import type { A } from './a.ts';\nexport type B = { a?: A };\n",
      'src/lib/impure.ts': "import { getCollection } from 'astro:content';\nexport const all = () => getCollection('essays');\n",
      'src/lib/upward.ts': "import { data } from '../data/data.ts';\nexport const copy = data;\n",
      'src/data/data.ts': "import { page } from '../pages/page.ts';\nexport const data = page;\n",
      'src/pages/page.ts': "import { tool } from '../../scripts/tool.ts';\nexport const page = tool;\n",
      'src/schemas/essay.ts': 'export const essaySchema = {};\n',
      'scripts/tool.ts': "import { essaySchema } from '../src/schemas/essay.ts';\nexport const tool = essaySchema;\n",
    });
    const found = await violations(temp, ['src', 'scripts']);
    expect(found).toEqual(
      expect.arrayContaining([
        'no-cycles: src/lib/a.ts → src/lib/b.ts → src/lib/a.ts',
        'lib-is-pure: src/lib/impure.ts → astro:content',
        'lib-schemas-contract-below-data: src/lib/upward.ts → src/data/data.ts',
        'data-below-pages: src/data/data.ts → src/pages/page.ts',
        'src-stands-alone: src/pages/page.ts → scripts/tool.ts',
        'scripts-read-content-through-one-module: scripts/tool.ts → src/schemas/essay.ts',
      ]),
    );
    // Every rule in the file is among them, so a rule added later needs a case here too.
    expect(new Set(found.map((line) => line.split(':')[0]))).toEqual(new Set(forbidden.map((rule) => rule.name)));
  });

  test('content/ is found as a path, not in comments or as an attribute name', () => {
    const text = [
      '// reads content/essays (a comment: fine)',
      "const folder = join(root, 'content');",
      'const essays = `content/${kind}`;',
      "const file = 'content/policy.yaml';",
      "const image = meta.getAttribute('content');",
    ].join('\n');
    expect(contentPaths('scripts/sneak.ts', text).map((line) => line.split(':')[1])).toEqual(['2', '3', '4']);
  });
});
