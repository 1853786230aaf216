/**
 * Whether a run keeps asking a network. A network that never answers held a run about two minutes
 * per piece (every attempt waiting out its timeout, every piece starting over), and one that asks
 * for an hour's wait was asked again every piece. Each network gets a gate: after `maxNoAnswer`
 * requests in a row that got no answer, or past its deadline for the run, once the network asks
 * for a wait longer than the run gives, or once it rejects the credentials, it is closed. Its remaining items are left for the next run,
 * the other networks carry on, and the summary says so once.
 */
import { NETWORK_LABELS, type Network } from '../../src/contract/networks.ts';
import { credentialsRejected, noAnswer, type RetryLater } from './retry.ts';

export interface GateSettings {
  /** Requests in a row without an answer (timeouts, refused connections) before the network is given up for this run. */
  maxNoAnswer: number;
  /** How long one network may take in a run, from its first request. */
  deadlineMs: number;
  now: () => number;
}

export const DEFAULT_GATE: Omit<GateSettings, 'now'> = { maxNoAnswer: 3, deadlineMs: 10 * 60_000 };

/** Thrown in place of a request once the gate is closed: not retried. */
export class NetworkStopped extends Error {
  /** `deferred` for a wait the network asked for; `failed` when it did not answer. */
  readonly status: 'deferred' | 'failed';

  constructor(status: 'deferred' | 'failed', message: string) {
    super(message);
    this.name = 'NetworkStopped';
    this.status = status;
  }
}

export interface NetworkGate {
  /** Runs one attempt of a request, unless the gate is closed; counts what came back. */
  attempt: <T>(operation: () => Promise<T>) => Promise<T>;
  /** Closes the gate after a wait the network asked for that the run cannot give. */
  defer: (error: RetryLater) => void;
  /** Why the network was given up, once it was. */
  readonly stopped: NetworkStopped | undefined;
}

export function networkGate(network: Network, settings: GateSettings): NetworkGate {
  const label = NETWORK_LABELS[network];
  const started = settings.now();
  let silent = 0;
  let stopped: NetworkStopped | undefined;
  return {
    get stopped() {
      return stopped;
    },
    defer(error) {
      stopped ??= new NetworkStopped('deferred', error.message);
    },
    async attempt(operation) {
      if (!stopped && settings.now() - started > settings.deadlineMs) {
        stopped = new NetworkStopped(
          'failed',
          `${label} took longer than its ${Math.round(settings.deadlineMs / 1000)} s for this run: stopped asking it`,
        );
      }
      if (stopped) throw stopped;
      try {
        const value = await operation();
        silent = 0;
        return value;
      } catch (error) {
        if (credentialsRejected(error)) {
          stopped = new NetworkStopped(
            'failed',
            `${label} rejected the credentials: ${error instanceof Error ? error.message : String(error)}`,
          );
        } else if (noAnswer(error)) {
          silent += 1;
          if (silent >= settings.maxNoAnswer)
            stopped = new NetworkStopped('failed', `no answer from ${label} ${silent} times in a row: stopped asking it this run`);
        } else {
          silent = 0;
        }
        throw error;
      }
    },
  };
}
