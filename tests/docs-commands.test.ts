/**
 * Every command the README and docs/ show works as written: `./hub <command>` names a command the
 * `hub` wrapper accepts (read from its own case statement), `./hub run <script>` a script in
 * package.json, and `./hub new <kind>` a kind `new` can write. The docs never send a person to
 * `npm run …`, which needs a Node the machine may not have; `./hub` brings its own.
 */
import { readdir, readFile } from 'node:fs/promises';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, test } from 'vitest';
import { NEW_KINDS } from '../src/lib/authoring.ts';

const root = new URL('..', import.meta.url);

interface Doc {
  path: string;
  text: string;
}

/** README.md and every Markdown file under docs/. */
async function userDocs(): Promise<Doc[]> {
  const entries = await readdir(new URL('docs/', root), { recursive: true });
  const paths = [
    'README.md',
    ...entries
      .filter((entry) => entry.endsWith('.md'))
      .sort()
      .map((entry) => `docs/${entry}`),
  ];
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(new URL(path, root), 'utf8') })));
}

/** The text of every code block and code span, depth first (lists and tables included). */
function codeIn(tokens: Token[]): string[] {
  return tokens.flatMap((token): string[] => {
    if (token.type === 'code' || token.type === 'codespan') return [(token as Tokens.Code).text];
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      return [...table.header, ...table.rows.flat()].flatMap((cell) => codeIn(cell.tokens));
    }
    if (token.type === 'list') return (token as Tokens.List).items.flatMap((item) => codeIn(item.tokens));
    return 'tokens' in token && Array.isArray(token.tokens) ? codeIn(token.tokens) : [];
  });
}

interface HubCommand {
  /** The words after `./hub`, as far as they matter: the command, and its script or kind. */
  words: string[];
  /** Where it was shown, for the failure message. */
  file: string;
}

/** `./hub` and the words after it, up to a shell operator, a quote or a comment. */
function hubCommands(code: string, file: string): HubCommand[] {
  return [...code.matchAll(/(?:^|[\s;&|(])\.\/hub((?:[ \t]+[^\s;&|)#"'`]+)*)/gm)].map((match) => ({
    // A trailing colon or comma is the sentence's, as in "./hub check: builds, then checks".
    words: match[1]!
      .trim()
      .split(/[ \t]+/)
      .filter(Boolean)
      .map((word) => word.replace(/[:,.;]+$/, '')),
    file,
  }));
}

/**
 * The commands `hub` accepts: the patterns of the case statements that dispatch them (those with a
 * `build)` branch), less the catch-all and the empty pattern.
 */
function hubAccepts(script: string): Set<string> {
  const blocks = [...script.matchAll(/^\s*case\b[^\n]*\bin\b([\s\S]*?)^\s*esac\b/gm)].map((match) => match[1]!);
  const patternsOf = (block: string): string[] =>
    [...block.matchAll(/^\s*\(?\s*([^\s()#][^()\n]*?)\s*\)/gm)].flatMap((match) =>
      match[1]!.split('|').map((pattern) => pattern.trim().replace(/^(["'])(.*)\1$/, '$2')),
    );
  const dispatch = blocks.map(patternsOf).filter((patterns) => patterns.includes('build'));
  if (dispatch.length === 0) throw new Error('hub: found no case statement with a build) branch');
  return new Set(dispatch.flat().filter((pattern) => pattern !== '*' && pattern !== ''));
}

const isPlaceholder = (word: string | undefined): boolean => word === undefined || /^[<[{…]|^\.\.\./.test(word) || word.startsWith('-');

const docs = await userDocs();
const shown = docs.flatMap((doc) => codeIn(marked.lexer(doc.text)).flatMap((code) => hubCommands(code, doc.path)));
const accepted = hubAccepts(await readFile(new URL('hub', root), 'utf8'));
const scripts = Object.keys(
  (JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> }).scripts,
);

describe('commands shown in README.md and docs/', () => {
  test('the docs show ./hub commands at all, and the hub wrapper has a dispatch table', () => {
    expect(shown.length).toBeGreaterThan(10);
    expect(accepted).toContain('build');
  });

  test('every ./hub command is one the hub wrapper accepts', () => {
    const unknown = shown.filter(({ words }) => !isPlaceholder(words[0]) && !accepted.has(words[0]!));
    expect(unknown.map(({ words, file }) => `${file}: ./hub ${words.join(' ')}`)).toEqual([]);
  });

  test('every ./hub run <script> names a script in package.json', () => {
    const runs = shown.filter(({ words }) => words[0] === 'run');
    expect(runs.length).toBeGreaterThan(0);
    const unknown = runs.filter(({ words }) => !isPlaceholder(words[1]) && !scripts.includes(words[1]!));
    expect(unknown.map(({ words, file }) => `${file}: ./hub ${words.join(' ')}`)).toEqual([]);
  });

  test('every ./hub new <kind> names a kind new can write', () => {
    const news = shown.filter(({ words }) => words[0] === 'new');
    expect(news.length).toBeGreaterThan(0);
    const unknown = news.filter(({ words }) => !isPlaceholder(words[1]) && !(NEW_KINDS as readonly string[]).includes(words[1]!));
    expect(unknown.map(({ words, file }) => `${file}: ./hub ${words.join(' ')}`)).toEqual([]);
  });

  test('no page sends the reader to npm run, npm test or npx', () => {
    const npm = docs.flatMap((doc) =>
      doc.text
        .split('\n')
        .flatMap((line, index) => (/\bnpm (?:run|test)\b|\bnpx\b/.test(line) ? [`${doc.path}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(npm).toEqual([]);
  });

  test('the README, written for a person rather than a developer, is at most 200 lines', () => {
    const readme = docs.find((doc) => doc.path === 'README.md')!;
    expect(readme.text.trimEnd().split('\n').length).toBeLessThanOrEqual(200);
  });
});

describe('hubCommands and hubAccepts', () => {
  test('find the command words after ./hub, in text and in shell lines', () => {
    const code =
      './hub new essay "Why boards should argue"\ncd site && ./hub run syndicate -- --dry-run # try first\n./hub\n./hub check: the site';
    expect(hubCommands(code, 'x.md').map(({ words }) => words)).toEqual([
      ['new', 'essay'],
      ['run', 'syndicate', '--', '--dry-run'],
      [],
      ['check', 'the', 'site'],
    ]);
  });

  test('read the dispatch case statements, whatever else the script does', () => {
    const script = [
      'case "$(uname)" in',
      '  Linux) os=linux ;;',
      'esac',
      'case "${1:-}" in',
      '  build) shift; exec npm run build "$@" ;;',
      '  dev|preview) exec npm run "$@" ;;',
      '  "") usage; exit 2 ;;',
      '  *) say "unknown command"; exit 2 ;;',
      'esac',
      'case "$command" in',
      '  build) need=site ;;',
      '  run) need=all ;;',
      'esac',
    ].join('\n');
    expect([...hubAccepts(script)].sort()).toEqual(['build', 'dev', 'preview', 'run']);
  });
});
