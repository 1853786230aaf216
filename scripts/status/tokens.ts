/**
 * What `npm run status` can tell about the networks' credentials before a run fails on them: a
 * LinkedIn version near or past its sunset, tokens whose scopes cannot do what the hub asks, tokens
 * near their end. Each channel says what it can (its `tokens`, scripts/channels/<name>/tokens.ts);
 * this gathers them in the list's order.
 *
 * Offline by default (status reads only what is on disk and in the environment). With
 * `--check-tokens`, one read-only request each, nothing posted: Mastodon's and LinkedIn's scopes,
 * and when the Threads token ends.
 */
import { NETWORK_LABELS, NETWORKS, type Network } from '../../src/contract/networks.ts';
import type { Channel } from '../channels/channel.ts';
import type { TokenCheckOptions, TokenEnd } from '../channels/tokens.ts';

export interface TokenWarning {
  network: Network;
  message: string;
}

/** A token's end, where the network tells it; `warn` when it is near (or past) and nothing renews it. */
export interface TokenExpiry extends TokenEnd {
  network: Network;
}

const byListOrder = (a: { network: Network }, b: { network: Network }): number => NETWORKS.indexOf(a.network) - NETWORKS.indexOf(b.network);

/** The warnings about every channel's credentials, in the list's order; a check that fails is a warning too. */
export async function tokenWarnings(options: TokenCheckOptions, channels: Iterable<Channel>): Promise<TokenWarning[]> {
  const warnings: TokenWarning[] = [];
  for (const { name: network, tokens } of channels) {
    for (const { message } of (await tokens?.warnings?.(options)) ?? []) warnings.push({ network, message });
    if (!options.online || !tokens?.check) continue;
    try {
      for (const { message } of await tokens.check(options)) warnings.push({ network, message });
    } catch (error) {
      warnings.push({ network, message: `could not check the token: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return warnings.sort(byListOrder);
}

/** When each token ends, where the channel tells it (X's from its token file; Threads' with `online`, one read). */
export async function tokenExpiries(options: TokenCheckOptions, channels: Iterable<Channel>): Promise<TokenExpiry[]> {
  const expiries: TokenExpiry[] = [];
  for (const { name: network, tokens } of channels) {
    for (const end of (await tokens?.expiries?.(options)) ?? []) expiries.push({ network, ...end });
  }
  return expiries.sort(byListOrder);
}

/** `LinkedIn: …`, the line status prints. */
export function describeWarning(warning: TokenWarning): string {
  return `${NETWORK_LABELS[warning.network]}: ${warning.message}`;
}
