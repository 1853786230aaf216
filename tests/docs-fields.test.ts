/**
 * The field tables in docs/writing.md say what every schema accepts. A field added to a schema and not
 * documented fails here, and so does a documented field the schema no longer has, or a field documented
 * as required (or optional) that the schema treats the other way.
 *
 * Each table is marked by an HTML comment naming its schema (`<!-- fields: essay -->`, invisible on
 * GitHub) and documents fields by dotted path: `hero.src`, `revisions[].why`. Every leaf of the schema
 * (a field that is not itself an object of fields) must have a row; a parent (`hero`) may have one too.
 */
import { readdir, readFile } from 'node:fs/promises';
import { z } from 'astro/zod';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, test } from 'vitest';
import { parsePolicy } from '../src/contract/policy.ts';

const WRITING = 'docs/writing.md';
const COLUMNS = ['field', 'type', 'required', 'default', 'what it does'];

/**
 * Files in src/schemas/ that build fields shared by several schemas rather than a schema of their own;
 * every other file there is a schema the person writes to, and must have a table.
 */
const BUILDING_BLOCKS = new Set(['fields', 'cites', 'syndication']);

/**
 * What Astro hands a schema function (`image()`) and what content.config.ts adds (`reference()`).
 * Only field names and optionality are compared, so a string stands in for both: the shape of the
 * object around them is what the schema defines.
 */
const STUB_CONTEXT = { image: () => z.string(), reference: () => z.string() };

type Schema = z.ZodType;

interface FieldTable {
  name: string;
  header: string[];
  rows: { fields: string[]; cells: Record<string, string> }[];
}

const MARKER = /^<!--\s*fields:\s*([\w-]+)\s*-->$/;

function codeSpans(tokens: Token[]): string[] {
  return tokens.flatMap((token) =>
    token.type === 'codespan'
      ? [(token as Tokens.Codespan).text]
      : 'tokens' in token && Array.isArray(token.tokens)
        ? codeSpans(token.tokens)
        : [],
  );
}

/** The field tables of a Markdown document: each is the block right after its marker comment. */
function fieldTables(markdown: string): FieldTable[] {
  const blocks = marked.lexer(markdown).filter((token) => token.type !== 'space');
  return blocks.flatMap((block, index) => {
    const name = block.type === 'html' ? MARKER.exec(block.raw.trim())?.[1] : undefined;
    if (!name) return [];
    const next = blocks[index + 1];
    if (next?.type !== 'table') throw new Error(`${WRITING}: the <!-- fields: ${name} --> comment must be followed by a table`);
    const table = next as Tokens.Table;
    const header = table.header.map((cell) => cell.text.trim());
    return [
      {
        name,
        header,
        rows: table.rows.map((row) => ({
          fields: codeSpans(row[0]?.tokens ?? []),
          cells: Object.fromEntries(header.map((column, i) => [column, row[i]?.text.trim() ?? ''])),
        })),
      },
    ];
  });
}

// Zod 4 keeps the definition of every schema on `.def`: wrappers (`.optional()`, `.default()`) hold
// their `innerType`, a `.transform()` or `.pipe()` is a pipe whose `in` is what the author writes, and
// refinements (`.refine()`, `.superRefine()`) are checks on the object itself. https://zod.dev/packages/core
type Def = { type: string; innerType?: Schema; in?: Schema; element?: Schema; shape?: Record<string, Schema> };
const defOf = (schema: Schema): Def => (schema as unknown as { def: Def }).def;

/** What the author writes, with wrappers and transforms taken off. */
function unwrap(schema: Schema): Schema {
  const def = defOf(schema);
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return schema;
}

/** Whether the field may be left out: optional, or given a default. */
function isOptional(schema: Schema): boolean {
  return (schema as unknown as { _zod: { optin?: string } })._zod.optin !== undefined;
}

interface SchemaField {
  path: string;
  required: boolean;
  /** True for a field whose value is written as fields of its own (`hero` with `src` and `alt`). */
  parent: boolean;
}

/** Every field of an object schema, by dotted path; the fields of a list of objects as `name[].field`. */
function schemaFields(schema: Schema, prefix = ''): SchemaField[] {
  const shape = defOf(unwrap(schema)).shape;
  if (!shape) throw new Error(`${prefix || 'the schema'} is not an object of fields`);
  return Object.entries(shape).flatMap(([key, field]) => {
    const path = `${prefix}${key}`;
    const value = unwrap(field);
    const element = defOf(value).type === 'array' ? unwrap(defOf(value).element!) : undefined;
    const nested = defOf(value).shape ? `${path}.` : element && defOf(element).shape ? `${path}[].` : undefined;
    const own = { path, required: !isOptional(field), parent: nested !== undefined };
    return nested ? [own, ...schemaFields(element && !defOf(value).shape ? element : value, nested)] : [own];
  });
}

async function schemaFiles(): Promise<string[]> {
  const files = await readdir(new URL('../src/schemas/', import.meta.url));
  return files
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .filter((name) => !BUILDING_BLOCKS.has(name))
    .sort();
}

/** `src/schemas/<name>.ts` exports `<name>Schema`: a schema, or a function of Astro's schema context. */
async function loadSchema(name: string): Promise<Schema> {
  const module = (await import(`../src/schemas/${name}.ts`)) as Record<string, unknown>;
  const exported = module[`${name}Schema`];
  if (typeof exported === 'function') return (exported as (context: typeof STUB_CONTEXT) => Schema)(STUB_CONTEXT);
  if (exported instanceof z.ZodType) return exported;
  throw new Error(`src/schemas/${name}.ts: expected an export named ${name}Schema`);
}

const schemaNames = await schemaFiles();
const markdown = await readFile(new URL(`../${WRITING}`, import.meta.url), 'utf8');
const tables = fieldTables(markdown);
const tableFor = (name: string): FieldTable => {
  const table = tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`${WRITING} has no field table for ${name}: add one after a <!-- fields: ${name} --> comment`);
  return table;
};

/** Checks one table against the fields a schema has; returns one line per disagreement. */
function disagreements(table: FieldTable, fields: SchemaField[]): string[] {
  const problems: string[] = [];
  const byPath = new Map(fields.map((field) => [field.path, field]));
  const documented = new Set<string>();
  for (const row of table.rows) {
    if (row.fields.length === 0) problems.push(`a row names no field in code: ${JSON.stringify(row.cells['field'])}`);
    for (const path of row.fields) {
      documented.add(path);
      const field = byPath.get(path);
      if (!field) {
        problems.push(`\`${path}\` is documented but the schema has no such field`);
        continue;
      }
      const required = row.cells['required'];
      if (required !== 'yes' && required !== 'no')
        problems.push(`\`${path}\`: required must be "yes" or "no", got ${JSON.stringify(required)}`);
      else if ((required === 'yes') !== field.required) {
        problems.push(
          `\`${path}\` is documented as ${required === 'yes' ? 'required' : 'optional'} but the schema makes it ${field.required ? 'required' : 'optional'}`,
        );
      }
    }
  }
  for (const field of fields) {
    if (!field.parent && !documented.has(field.path)) problems.push(`\`${field.path}\` is in the schema but not in the table`);
  }
  return problems;
}

describe(WRITING, () => {
  test('every field table has the columns field, type, required, default and what it does', () => {
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table.header, `table ${table.name}`).toEqual(COLUMNS);
  });

  test('every schema in src/schemas has a field table, and every table a schema', () => {
    expect(schemaNames).toContain('essay');
    expect(tables.map((table) => table.name).sort()).toEqual([...schemaNames, 'policy'].sort());
  });

  test.each(schemaNames)('the %s table lists every field of its schema, as required or optional as the schema says', async (name) => {
    const fields = schemaFields(await loadSchema(name));
    expect(fields.length).toBeGreaterThan(0);
    expect(disagreements(tableFor(name), fields)).toEqual([]);
  });

  // The policy's schema (src/contract/policy.ts) is not in src/schemas/, and its one field is a list of
  // words or topics, so its fields are found by asking the parser: it is strict, and refuses a field it
  // does not have ("Unrecognized key").
  test('the policy table lists only fields content/policy.yaml accepts, and the one it has', () => {
    const table = tableFor('policy');
    const paths = table.rows.flatMap((row) => row.fields);
    expect(paths).toContain('review');
    for (const path of paths.filter((candidate) => !candidate.includes('.') && !candidate.includes('['))) {
      expect(() => parsePolicy(`${path}: []\n`), path).not.toThrow();
    }
    expect(() => parsePolicy('unheard: []\n')).toThrow(/unheard|unrecognized/i);
    expect(() => parsePolicy('review: [{ topic: fracking, words: [fracking, shale gas] }, redundanc*]\n')).not.toThrow();
  });
});

describe('schemaFields', () => {
  const schema = z
    .strictObject({
      title: z.string(),
      hero: z.strictObject({ src: z.string(), alt: z.string().optional() }).optional(),
      tags: z
        .array(z.string())
        .default([])
        .transform((tags) => tags),
      people: z.array(z.strictObject({ name: z.string() })).min(1),
    })
    .superRefine(() => undefined)
    .transform((value) => value);

  test('walks through wrappers, transforms and refinements to every field, nested ones by dotted path', () => {
    expect(schemaFields(schema)).toEqual([
      { path: 'title', required: true, parent: false },
      { path: 'hero', required: false, parent: true },
      { path: 'hero.src', required: true, parent: false },
      { path: 'hero.alt', required: false, parent: false },
      { path: 'tags', required: false, parent: false },
      { path: 'people', required: true, parent: true },
      { path: 'people[].name', required: true, parent: false },
    ]);
  });

  test('reports an undocumented field, a field that is gone, and a wrong required column', () => {
    const table = fieldTables(
      [
        '<!-- fields: sample -->',
        '',
        '| field | type | required | default | what it does |',
        '|---|---|---|---|---|',
        '| `title` | text | no | — | wrongly optional |',
        '| `hero.src`, `hero.alt` | image | yes | — | alt is optional in fact |',
        '| `subtitle` | text | no | — | gone |',
        '| `tags` | list | no | none | tags |',
      ].join('\n'),
    )[0]!;
    expect(disagreements(table, schemaFields(schema))).toEqual([
      '`title` is documented as optional but the schema makes it required',
      '`hero.alt` is documented as required but the schema makes it optional',
      '`subtitle` is documented but the schema has no such field',
      '`people[].name` is in the schema but not in the table',
    ]);
  });
});
