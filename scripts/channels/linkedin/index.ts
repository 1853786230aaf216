/** LinkedIn: posts as the member; looking for its own copies needs a scope LinkedIn grants to partners only. */
import { defineChannel } from '../channel.ts';
import { createLinkedInAdapter, LINKEDIN_LOOK_AT, linkedinConfig, linkedinRemoteFromUrl } from './adapter.ts';
import { createLinkedInAnswerer, LINKEDIN_COMMENT_MAX_CHARACTERS } from './answer.ts';
import { composeLinkedIn, LINKEDIN_MAX_CHARACTERS } from './compose.ts';
import { linkedinHandle } from './handle.ts';
import { linkedinTokens } from './tokens.ts';

export default defineChannel({
  name: 'linkedin',
  secretEnv: ['LINKEDIN_TOKEN'],
  limits: { max: LINKEDIN_MAX_CHARACTERS, unit: 'characters' },
  uploadsThumbnail: true,
  config: linkedinConfig,
  createAdapter: createLinkedInAdapter,
  compose: composeLinkedIn,
  // A post whose answer was lost may be impossible to look for, so a run holds it for `--resolve`.
  confirmedByHand: {
    remoteFromUrl: linkedinRemoteFromUrl,
    lookAt: LINKEDIN_LOOK_AT,
    why: 'the hub can look only with r_member_social, which LinkedIn grants to partners',
  },
  tokens: linkedinTokens,
  handle: linkedinHandle,
  // A comment's text is sent as written (not Little Text), and LinkedIn takes fewer characters in a comment than in a post.
  answer: { length: (text) => text.length, max: LINKEDIN_COMMENT_MAX_CHARACTERS, create: createLinkedInAnswerer },
});
