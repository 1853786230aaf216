/**
 * The benchmark's synthetic corpus: essays of about N words in the Markdown a person writes
 * (headings, lists, blockquotes, links, emphasis, fenced code), with front matter that both the hub's
 * essay schema and the baseline blog's schema accept. Seeded, so every run writes identical files.
 */
import { createRandom, type Random } from './prng.ts';

/** A small set, so that every tag gets a page listing many essays, as on a real site. */
export const CORPUS_TAGS = ['leadership', 'energy', 'policy', 'community', 'finance', 'technology', 'planning', 'climate'];

/** Essays are dated over these three years: an archive's spread, all in the past. */
export const CORPUS_FIRST_DATE = '2023-01-01';
export const CORPUS_LAST_DATE = '2025-12-31';

const DEFAULT_SEED = 20261125;
const DAY_MS = 86_400_000;

const CONTENT_WORDS = [
  'grid',
  'turbine',
  'village',
  'board',
  'member',
  'share',
  'planning',
  'council',
  'network',
  'market',
  'price',
  'tariff',
  'storage',
  'battery',
  'solar',
  'wind',
  'heat',
  'pump',
  'household',
  'bill',
  'investor',
  'fund',
  'co-operative',
  'ownership',
  'trust',
  'voice',
  'decision',
  'queue',
  'connection',
  'policy',
  'regulator',
  'meeting',
  'hall',
  'valley',
  'town',
  'county',
  'project',
  'engineer',
  'developer',
  'lender',
  'risk',
  'return',
  'surplus',
  'dividend',
  'objection',
  'appeal',
  'consent',
  'strategy',
  'leadership',
  'culture',
  'team',
  'customer',
  'promise',
  'evidence',
  'argument',
  'story',
  'future',
  'decade',
  'season',
  'winter',
  'build',
  'fund',
  'own',
  'share',
  'decide',
  'argue',
  'listen',
  'measure',
  'publish',
  'explain',
  'change',
  'approve',
  'object',
  'invest',
  'borrow',
  'repay',
  'connect',
  'store',
  'deliver',
  'learn',
  'local',
  'fair',
  'slow',
  'quick',
  'honest',
  'public',
  'private',
  'small',
  'large',
  'patient',
  'cheap',
  'costly',
  'early',
  'late',
  'common',
  'rare',
  'steady',
  'bold',
  'careful',
  'practical',
];

const FUNCTION_WORDS = [
  'the',
  'a',
  'and',
  'of',
  'to',
  'in',
  'that',
  'it',
  'is',
  'was',
  'for',
  'on',
  'with',
  'as',
  'we',
  'they',
  'not',
  'but',
  'when',
  'which',
  'our',
  'their',
  'every',
  'more',
  'less',
  "don't",
  "it's",
  'before',
  'after',
  'because',
];

const LANGUAGES = ['ts', 'yaml', 'bash', 'json'] as const;

export interface CorpusOptions {
  essays: number;
  /** Words of prose per essay (code blocks not counted); each essay lands within a sentence of it. */
  words: number;
  /** Default: a fixed seed, so that `npm run bench` always measures the same files. */
  seed?: number;
}

export interface SyntheticEssay {
  slug: string;
  title: string;
  /** The whole file: front matter and body. */
  markdown: string;
  /** Words of prose in the body. */
  words: number;
}

/** Generates the corpus: the same options always give the same essays, byte for byte. */
export function generateCorpus(options: CorpusOptions): SyntheticEssay[] {
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  return Array.from({ length: options.essays }, (_, index) => generateEssay(random, index, options.words));
}

/** The corpus as `files` for `makeSite`: one `<slug>.md` per essay under `folder`. */
export function corpusFiles(essays: readonly SyntheticEssay[], folder: string): Record<string, string> {
  return Object.fromEntries(essays.map((essay) => [`${folder}/${essay.slug}.md`, essay.markdown]));
}

/**
 * Short notes, as a person who posts most days writes them: a few sentences, at most `NOTE_CHARACTERS`
 * (the site refuses a note over 500 characters), dated, tagged, no title (a note's file name is its
 * date and a word). A seed of their own keeps the essays of a seed unchanged.
 */
export function generateNotes(options: { notes: number; seed?: number }): SyntheticEssay[] {
  const random = createRandom((options.seed ?? DEFAULT_SEED) + 1);
  return Array.from({ length: options.notes }, (_, index) => generateNote(random, index));
}

/** Room under the site's 500 characters for a note's body, links' addresses included. */
export const NOTE_CHARACTERS = 450;

function generateNote(random: Random, index: number): SyntheticEssay {
  const first = Date.parse(CORPUS_FIRST_DATE);
  const last = Date.parse(CORPUS_LAST_DATE);
  const date = first + random.int(0, (last - first) / DAY_MS) * DAY_MS;
  const slug = `${isoDay(date)}-${slugify(random.pick(CONTENT_WORDS))}-${String(index + 1).padStart(4, '0')}`;
  const sentences: string[] = [];
  let words = 0;
  for (let count = random.int(2, 5); count > 0; count--) {
    const length = random.int(6, 14);
    const next = sentence(random, length);
    if ([...sentences, next].join(' ').length > NOTE_CHARACTERS) break;
    sentences.push(next);
    words += length;
  }
  const tags = random.sample(CORPUS_TAGS, random.int(1, 2));
  const frontMatter = ['---', `date: ${isoDay(date)}`, `tags: [${tags.join(', ')}]`, '---'];
  return { slug, title: slug, markdown: `${frontMatter.join('\n')}\n\n${sentences.join(' ')}\n`, words };
}

function generateEssay(random: Random, index: number, targetWords: number): SyntheticEssay {
  const title = generateTitle(random);
  const slug = `${slugify(title)}-${String(index + 1).padStart(4, '0')}`;
  const description = plainSentence(random, random.int(14, 24));
  const first = Date.parse(CORPUS_FIRST_DATE);
  const last = Date.parse(CORPUS_LAST_DATE);
  const date = first + random.int(0, (last - first) / DAY_MS) * DAY_MS;
  const updated = random.chance(0.2) ? date + random.int(1, 90) * DAY_MS : undefined;
  const tags = random.sample(CORPUS_TAGS, random.int(1, 3));
  const body = generateBody(random, targetWords);
  const frontMatter = [
    '---',
    // JSON strings are valid YAML double-quoted scalars, whatever the text holds.
    `title: ${JSON.stringify(title)}`,
    `description: ${JSON.stringify(description)}`,
    `date: ${isoDay(date)}`,
    ...(updated !== undefined && updated <= last ? [`updated: ${isoDay(updated)}`] : []),
    `tags: [${tags.join(', ')}]`,
    '---',
  ];
  return { slug, title, markdown: `${frontMatter.join('\n')}\n\n${body.text}\n`, words: body.words };
}

/**
 * Sections of a heading, a paragraph, one feature and another paragraph, until the word budget is
 * spent. Features rotate through all five kinds; sections are short enough (at most about 180 words)
 * that an essay of 1000 words has every kind.
 */
function generateBody(random: Random, targetWords: number): { text: string; words: number } {
  const blocks: string[] = [];
  let words = 0;
  const left = (): number => targetWords - words;
  const add = (block: Block): void => {
    blocks.push(block.text);
    words += block.words;
  };
  const features: Array<() => Block> = random.sample(
    [
      () => list(random, left, () => '- '),
      () => list(random, left, (i) => `${i + 1}. `),
      () => quote(random, left),
      () => codeBlock(random),
      () => concat(heading(random, 3), paragraph(random, left)),
    ],
    5,
  );
  add(paragraph(random, left));
  for (let section = 0; left() > 0; section++) {
    add(heading(random, 2));
    add(paragraph(random, left));
    if (left() > 0) add((features[section % features.length] as () => Block)());
    if (left() > 0) add(paragraph(random, left));
  }
  return { text: blocks.join('\n\n'), words };
}

interface Block {
  text: string;
  words: number;
}

function concat(first: Block, second: Block): Block {
  return { text: `${first.text}\n\n${second.text}`, words: first.words + second.words };
}

function heading(random: Random, level: number): Block {
  const words = random.int(2, 5);
  const text = plainSentence(random, words).replace(/[.?]$/, '');
  return { text: `${'#'.repeat(level)} ${text}`, words };
}

/** Two to four sentences, shorter when the budget runs out. */
function paragraph(random: Random, left: () => number): Block {
  const sentences: string[] = [];
  let words = 0;
  for (let i = random.int(2, 4); i > 0 && left() - words > 0; i--) {
    const length = Math.min(random.int(6, 14), left() - words);
    sentences.push(sentence(random, length));
    words += length;
  }
  return { text: sentences.join(' '), words };
}

/** Three to five items (at least two, so that it is a list), each a short sentence. */
function list(random: Random, left: () => number, marker: (index: number) => string): Block {
  const items: string[] = [];
  let words = 0;
  const count = random.int(3, 5);
  for (let i = 0; i < count && (i < 2 || left() - words > 0); i++) {
    const length = random.int(4, 10);
    items.push(`${marker(i)}${sentence(random, length)}`);
    words += length;
  }
  return { text: items.join('\n'), words };
}

function quote(random: Random, left: () => number): Block {
  const { text, words } = paragraph(random, () => Math.min(left(), 30));
  return { text: `> ${text}`, words };
}

/** Code is not prose: it adds no words, only work for the highlighter. */
function codeBlock(random: Random): Block {
  const language = random.pick(LANGUAGES);
  const name = camelCase([random.pick(CONTENT_WORDS), random.pick(CONTENT_WORDS)]);
  const a = camelCase([random.pick(CONTENT_WORDS)]);
  const b = camelCase([random.pick(CONTENT_WORDS)]);
  const n = random.int(2, 500);
  const lines = {
    ts: [
      `export function ${name}(${a}: number, ${b}: number): number {`,
      `  // ${plainSentence(random, 6)}`,
      `  const total = ${a} * ${b} + ${n};`,
      `  return total > ${n * 2} ? total : ${n * 2};`,
      '}',
    ],
    yaml: [
      `${name}:`,
      `  ${a}: ${n}`,
      `  ${b}: [${random.pick(CORPUS_TAGS)}, ${random.pick(CORPUS_TAGS)}]`,
      `  note: "${plainSentence(random, 5)}"`,
    ],
    bash: [`# ${plainSentence(random, 5)}`, `npm run ${name} -- --${a} ${n}`, `grep -c "${b}" report.txt`],
    json: ['{', `  "${name}": ${n},`, `  "${a}": "${b}",`, `  "tags": ["${random.pick(CORPUS_TAGS)}"]`, '}'],
  }[language];
  return { text: ['```' + language, ...lines, '```'].join('\n'), words: 0 };
}

/** A sentence of `length` words with, sometimes, a link (about eight an essay), emphasis or inline code, or a comma. */
function sentence(random: Random, length: number): string {
  const words = pickWords(random, length);
  const decoration = random.next();
  if (length >= 4 && decoration < 0.08) {
    // A link over two or three words; the URL is glued to the last, so word counts are unchanged.
    const span = random.int(2, Math.min(3, length - 1));
    const start = random.int(1, length - span);
    const end = start + span - 1;
    const path = words
      .slice(start, end + 1)
      .join('-')
      .replace(/'/g, '');
    words[start] = `[${words[start]}`;
    words[end] = `${words[end]}](https://example.com/notes/${path})`;
  } else if (length >= 2 && decoration < 0.23) {
    const at = random.int(1, length - 1);
    const mark = random.pick(['*', '**', '`']);
    words[at] = `${mark}${words[at]}${mark}`;
  } else if (length >= 8 && decoration < 0.6) {
    const at = random.int(2, length - 3);
    words[at] = `${words[at]},`;
  }
  return finish(random, words);
}

/** A sentence with no Markdown in it: for titles, descriptions and headings. */
function plainSentence(random: Random, length: number): string {
  return finish(random, pickWords(random, length));
}

function pickWords(random: Random, length: number): string[] {
  return Array.from({ length }, () => (random.chance(0.35) ? random.pick(FUNCTION_WORDS) : random.pick(CONTENT_WORDS)));
}

function finish(random: Random, words: string[]): string {
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${random.chance(0.1) ? '?' : '.'}`;
}

function generateTitle(random: Random): string {
  const noun = (): string => random.pick(CONTENT_WORDS.slice(0, 60));
  const adjective = (): string => random.pick(CONTENT_WORDS.slice(80));
  const patterns = [
    () => `Why the ${noun()} needs a ${adjective()} ${noun()}`,
    () => `The ${adjective()} case for ${noun()} ownership`,
    () => `What the ${noun()} taught me about ${noun()}`,
    () => `${adjective()} ${noun()}, ${adjective()} ${noun()}`,
    () => `Notes on ${noun()} and ${noun()}`,
  ];
  const title = random.pick(patterns)();
  return `${title.charAt(0).toUpperCase()}${title.slice(1)}`;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function camelCase(words: readonly string[]): string {
  return words
    .map((word) => word.replace(/[^a-z]/g, ''))
    .map((word, i) => (i === 0 ? word : `${word.charAt(0).toUpperCase()}${word.slice(1)}`))
    .join('');
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
