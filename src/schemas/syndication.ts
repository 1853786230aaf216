import { z } from 'astro/zod';
import { NETWORKS, type Network } from '../lib/networks.ts';

const networkEnum = z.enum(NETWORKS, { error: `expected one of ${NETWORKS.join(', ')}` });

/**
 * Per-network syndication settings in an entry's front matter:
 *
 * ```yaml
 * syndication:
 *   skip: [x]                       # never post this piece to X
 *   text:
 *     bluesky: "A shorter hook for Bluesky"
 * ```
 *
 * The syndication scripts read these from `/feed.json` (`_syndication`), never from `content/`.
 */
export const syndicationField = z
  .strictObject(
    {
      /** Networks this piece must never be posted to. Default: none. */
      skip: z.array(networkEnum).default([]),
      /** Text to post instead of the composed excerpt, per network. Default: composed automatically. */
      text: z.partialRecord(networkEnum, z.string().trim().min(1)).default({}),
    },
    { error: 'expected syndication settings with `skip` (a list of networks) and/or `text` (network: text)' },
  )
  .default({ skip: [], text: {} });

export type SyndicationSettings = { skip: Network[]; text: Partial<Record<Network, string>> };
