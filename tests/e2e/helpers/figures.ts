/**
 * The quality gates' figures, printed as one table at the end of the run so CI logs show them whatever
 * reporter runs. Test files run in their own workers, so each writes its figures to a JSON file in a
 * folder the global setup made, and the global teardown reads them all (`formatFigures`).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface GateFigures {
  kind: 'gate';
  /** "axe-core (WCAG 2.0/2.1/2.2 A+AA)" */
  gate: string;
  /** What was checked: "16 pages × light, dark". */
  checked: string;
  /** Violations, errors or broken links found. */
  failures: number;
  failureLabel: string;
}

export interface LighthouseFigures {
  kind: 'lighthouse';
  rows: Array<{ page: string; performance: number | null; accessibility: number | null; bestPractices: number | null; seo: number | null }>;
}

export type Figures = GateFigures | LighthouseFigures;

export async function recordFigures(dir: string, name: string, figures: Figures): Promise<void> {
  await writeFile(join(dir, `${name}.json`), JSON.stringify(figures, null, 2));
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const score = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(2));

/** The figures every test file recorded, as text; empty when none were recorded. */
export async function formatFigures(dir: string): Promise<string> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return '';
  }
  const all = await Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as Figures));
  const parts: string[] = [];
  const gates = all.filter((figures): figures is GateFigures => figures.kind === 'gate');
  if (gates.length > 0) {
    parts.push(
      table([['gate', 'checked', 'found'], ...gates.map((gate) => [gate.gate, gate.checked, `${gate.failures} ${gate.failureLabel}`])]),
    );
  }
  for (const lighthouse of all.filter((figures): figures is LighthouseFigures => figures.kind === 'lighthouse')) {
    parts.push(
      table([
        ['Lighthouse (mobile, simulated throttling)', 'performance', 'accessibility', 'best-practices', 'SEO'],
        ...lighthouse.rows.map((row) => [
          row.page,
          score(row.performance),
          score(row.accessibility),
          score(row.bestPractices),
          score(row.seo),
        ]),
      ]),
    );
  }
  return parts.join('\n\n');
}
