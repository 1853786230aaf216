/** Waits `ms` milliseconds: the real wait behind every injectable `sleep` (tests pass one that does not wait). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
