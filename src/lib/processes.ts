/**
 * Whether a process still runs, for the files that name the process that made them (the syndication
 * lock, a build's staging folder): signal 0 checks without sending anything. EPERM means it runs as
 * another user — alive all the same.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
