import { parseDocument } from 'yaml';
import { WHOLE_FILE, type ContentProblem } from '../lib/validation.ts';

const TOP_LEVEL_KEY = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"-][^:#]*?))[ \t]*:(?:[ \t]|$)/;

/**
 * The top-level field a YAML syntax error belongs to, so a message can name it. Parsers report where
 * they noticed the problem, which for an unclosed quote or bracket is the end of the document, several
 * fields later; parsing each field's lines on their own finds the field that is actually broken. When
 * every field parses alone (a duplicated key, say), the field at or before `errorLine` (1-based) is it.
 */
export function brokenYamlField(source: string, errorLine?: number): string | undefined {
  const lines = source.split(/\r?\n/);
  const keys: Array<{ name: string; index: number }> = [];
  lines.forEach((line, index) => {
    const match = TOP_LEVEL_KEY.exec(line);
    const name = match?.[1] ?? match?.[2] ?? match?.[3];
    if (name) keys.push({ name: name.trim(), index });
  });
  for (const [position, key] of keys.entries()) {
    const block = lines.slice(key.index, keys[position + 1]?.index ?? lines.length).join('\n');
    if (parseDocument(block).errors.length > 0) return key.name;
  }
  if (errorLine === undefined) return undefined;
  return keys.filter((key) => key.index < errorLine).at(-1)?.name;
}

/**
 * The problem for YAML that does not parse. `line` is where the parser stopped, 1-based within
 * `source`; `fileLine` is the same line counted in the file (front matter starts after `---`).
 */
export function yamlSyntaxProblem(options: {
  file: string;
  source: string;
  reason: string;
  line?: number | undefined;
  fileLine?: number | undefined;
}): ContentProblem {
  const field = brokenYamlField(options.source, options.line);
  // Parsers explain over several lines with a code frame; the first line says what went wrong.
  const reason = options.reason
    .split('\n')[0]!
    .replace(/\s+at line \d+, column \d+:?$/, '')
    .replace(/[.:]$/, '')
    .trim();
  const where = (options.fileLine ?? options.line) === undefined ? '' : `, line ${options.fileLine ?? options.line}`;
  return {
    file: options.file,
    field: field ?? WHOLE_FILE,
    problem: `is not valid YAML (${reason}${where})`,
    fix: field
      ? `check the quotes, brackets, colons and indentation of \`${field}\``
      : 'check the quotes, brackets, colons and indentation',
  };
}
