/** The benchmark's figures: medians over runs, the ratios the targets are about, and the table people read. */

/** What one build of one site measured. */
export interface BuildSample {
  wallMs: number;
  peakRssKiB: number;
}

/** One kind of build's figures over all runs: medians, and the samples they came from. */
export interface BuildSummary {
  name: string;
  wallMs: number;
  msPerPiece: number;
  peakRssKiB: number;
  samples: BuildSample[];
}

export interface Machine {
  cpus: number;
  model: string;
  totalMemoryBytes: number;
  node: string;
}

/** A target from the issues: a measured value against a limit. */
export interface Check {
  name: string;
  value: number;
  unit: '×' | 'ms' | '%' | 's' | 'MB';
  limit: number;
  within: boolean;
}

export interface BenchReport {
  essays: number;
  words: number;
  runs: number;
  machine: Machine;
  builds: BuildSummary[];
  /** CPU time (all threads) per share card, drawn in-process after warm-up. */
  cardCpuMs: number;
  checks: Check[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median: expected at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `pieces`: how many pieces the site had, for the cost per piece. */
export function summarizeBuilds(name: string, samples: readonly BuildSample[], pieces: number): BuildSummary {
  const wallMs = median(samples.map((sample) => sample.wallMs));
  return {
    name,
    wallMs,
    msPerPiece: wallMs / pieces,
    peakRssKiB: median(samples.map((sample) => sample.peakRssKiB)),
    samples: [...samples],
  };
}

/** `numerator` over `denominator` wall time (medians), against an upper limit. */
export function ratioCheck(name: string, numerator: BuildSummary, denominator: BuildSummary, limit: number): Check {
  const value = numerator.wallMs / denominator.wallMs;
  return { name, value, unit: '×', limit, within: value <= limit };
}

export function limitCheck(name: string, value: number, unit: Check['unit'], limit: number): Check {
  return { name, value, unit, limit, within: value <= limit };
}

function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

/** The human report: one row per build, one per target with its verdict, and the machine. */
function unitSuffix(unit: Check['unit']): string {
  return unit === '×' || unit === '%' ? unit : ` ${unit}`;
}

export function formatReport(report: BenchReport): string {
  const first = report.builds[0]!;
  const builds = formatTable(
    ['build', 'wall s', 'ms/piece', 'peak MB', `vs ${first.name}`],
    report.builds.map((build) => [
      build.name,
      (build.wallMs / 1000).toFixed(2),
      build.msPerPiece.toFixed(2),
      // MB as `top` and `ps` mean it: 2^20 bytes.
      (build.peakRssKiB / 1024).toFixed(0),
      `${(build.wallMs / first.wallMs).toFixed(2)}×`,
    ]),
  );
  const checks = formatTable(
    ['target', 'measured', 'limit', 'verdict'],
    report.checks.map((check) => [
      check.name,
      `${check.value.toFixed(2)}${unitSuffix(check.unit)}`,
      `≤ ${check.limit}${unitSuffix(check.unit)}`,
      check.within ? 'within target' : 'OVER TARGET',
    ]),
  );
  const { machine } = report;
  return [
    `${report.essays} essays of about ${report.words} words, ${report.runs === 1 ? '1 run' : `median of ${report.runs} runs`}`,
    '',
    ...builds,
    '',
    ...checks,
    '',
    `machine: ${machine.cpus} × ${machine.model}, ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, Node ${machine.node}`,
  ].join('\n');
}
