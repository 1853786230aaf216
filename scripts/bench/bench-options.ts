/** The command line of `npm run bench`. */
import { parseCommandLine, UsageError } from '../lib/cli.ts';

export interface BenchOptions {
  /** Synthetic essays to generate. */
  essays: number;
  /** Words of prose per essay. */
  words: number;
  /** Builds of each site; the report gives medians. */
  runs: number;
  /** Print the report as JSON instead of a table. */
  json: boolean;
  /** Leave the temporary site folders in place, for a look at what was built. */
  keep: boolean;
  /** Pieces (half essays, half notes) of the large site the scale builds measure; 0 leaves them out. */
  scale: number;
}

export const BENCH_USAGE =
  'usage: ./hub run bench -- [--essays N (1000)] [--words N (1000)] [--runs N (1)] [--scale N (5000), 0 for none] [--json] [--keep]';

/** The options of `npm run bench`, as parseArgs takes them. */
export const BENCH_FLAGS = {
  essays: { type: 'string', default: '1000' },
  words: { type: 'string', default: '1000' },
  runs: { type: 'string', default: '1' },
  json: { type: 'boolean', default: false },
  keep: { type: 'boolean', default: false },
  scale: { type: 'string', default: '5000' },
} as const;

/** The options checked: a count that is not a whole number of at least 1 is a `UsageError` naming it. */
export function benchOptions(values: {
  essays: string;
  words: string;
  runs: string;
  json: boolean;
  keep: boolean;
  scale: string;
}): BenchOptions {
  return {
    essays: positiveInteger('--essays', values.essays),
    words: positiveInteger('--words', values.words),
    runs: positiveInteger('--runs', values.runs),
    json: values.json,
    keep: values.keep,
    scale: values.scale === '0' ? 0 : scaleSize(values.scale),
  };
}

/** Parses the arguments after `npm run bench --`; throws a `UsageError` naming the bad option. */
export function parseBenchOptions(args: readonly string[]): BenchOptions {
  return benchOptions(parseCommandLine([...args], BENCH_FLAGS).values);
}

function positiveInteger(option: string, text: string): number {
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`${option}: expected a whole number of at least 1, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** The scale builds compare a site of a fifth of the size with this one, so it takes at least 10 pieces. */
function scaleSize(text: string): number {
  const pieces = positiveInteger('--scale', text);
  if (pieces < 10) throw new UsageError(`--scale: expected 0 (no scale builds) or at least 10 pieces, got ${pieces}`);
  return pieces;
}
