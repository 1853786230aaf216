/**
 * What a channel can tell about its credentials before a run fails on them, for `npm run status`
 * (scripts/status/tokens.ts asks every channel that declares `tokens`). Offline by default: what the
 * environment and the token files say; with `--check-tokens` (`online`), one read-only request each.
 */

export interface TokenCheckOptions {
  env: Record<string, string | undefined>;
  now: number;
  /** Ask the networks what the tokens may do, or when they end (one read each). */
  online?: boolean | undefined;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** One thing to warn about a channel's credentials. */
export interface TokenNote {
  message: string;
}

/** A token's end, where the network tells it; `warn` when it is near (or past) and nothing renews it. */
export interface TokenEnd {
  expiresAt: string;
  message: string;
  warn: boolean;
}

/** What a channel declares for status; each part is optional. */
export interface ChannelTokens {
  /** Offline warnings (the environment, the token file). */
  warnings?: (options: TokenCheckOptions) => Promise<TokenNote[]>;
  /** With `--check-tokens`: what the network says the token may do. A failure is said as a warning by status. */
  check?: (options: TokenCheckOptions) => Promise<TokenNote[]>;
  /** When the token ends; reads the network only with `online`, and says itself when it could not. */
  expiries?: (options: TokenCheckOptions) => Promise<TokenEnd[]>;
}

/** Within this many days a token that is not renewed automatically is a warning. */
export const EXPIRY_WARNING_DAYS = 7;
export const DAY_MS = 86_400_000;

/** `expires in 3 days`, `expires in 5 hours`, `expired`. */
export function inWords(expiresAt: number, now: number): string {
  const left = expiresAt - now;
  if (left <= 0) return 'expired';
  if (left >= DAY_MS) {
    const days = Math.floor(left / DAY_MS);
    return `expires in ${days} day${days === 1 ? '' : 's'}`;
  }
  const hours = Math.floor(left / 3_600_000);
  return hours >= 1 ? `expires in ${hours} hour${hours === 1 ? '' : 's'}` : `expires in ${Math.max(1, Math.floor(left / 60_000))} min`;
}

/** `2026-12-01`. */
export const day = (at: number): string => new Date(at).toISOString().slice(0, 10);
/** `2026-12-01 09:00 UTC`. */
export const minute = (at: number): string => `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Whether a channel's config reader found its credentials. */
export const present = <T extends object>(config: T | { missing: string[] }): config is T => !('missing' in config);
