import type { ChildProcess } from 'node:child_process';

/** When a crash test kills the CLI: after `afterMs`, or once `afterRequests` more requests reached the networks (then `extraMs` more). */
export interface KillPoint {
  afterMs?: number;
  afterRequests?: number;
  extraMs?: number;
}

export interface ArmedKill {
  /** Whether the SIGKILL was sent (it is never sent to a process that has already exited). */
  killed: () => boolean;
  /** Stops the timers; call it once the run has ended. */
  disarm: () => void;
}

/**
 * Arms `kill` on a CLI just started: SIGKILL at the kill point unless the process has exited by then.
 * `requestsSoFar` counts the requests the networks have seen since the run began; it is polled every
 * millisecond, so the kill lands as close after the n-th request as the event loop allows.
 */
export function armKill(child: ChildProcess, kill: KillPoint | undefined, requestsSoFar: () => number): ArmedKill {
  const timers: NodeJS.Timeout[] = [];
  let killed = false;
  const doKill = () => {
    if (child.exitCode === null && !killed) {
      killed = true;
      child.kill('SIGKILL');
    }
  };
  if (kill?.afterMs !== undefined) timers.push(setTimeout(doKill, kill.afterMs));
  if (kill?.afterRequests !== undefined) {
    const afterRequests = kill.afterRequests;
    const poll = setInterval(() => {
      if (requestsSoFar() >= afterRequests) {
        clearInterval(poll);
        timers.push(setTimeout(doKill, kill.extraMs ?? 0));
      }
    }, 1);
    timers.push(poll);
  }
  return { killed: () => killed, disarm: () => timers.forEach((timer) => clearTimeout(timer)) };
}
