/**
 * The newsletter channel: each new essay (NEWSLETTER_KINDS for notes and theories too) emailed whole
 * to the subscribers through a newsletter provider, Buttondown by default; NEWSLETTER_DIGEST_KINDS
 * (notes, theories) gathered in one email per week instead (digest.ts). Its copy is not a public
 * page (`public: false` in src/contract/networks.ts), so the site lists it neither under "Also on" nor in
 * the reply invitation.
 *
 * Provider: provider.ts says what one must do; buttondown.ts is the one written (its comment holds the
 * API contract followed, with the documentation's addresses).
 */
import { defineChannel } from '../channel.ts';
import { createNewsletterAdapter } from './adapter.ts';
import { createButtondown } from './buttondown.ts';
import { composeDigest, composeNewsletter, GMAIL_CLIP_BYTES, isNewsletterPost } from './compose.ts';
import { groupDigests } from './digest.ts';
import { writeEmailPreview } from './preview.ts';
import { digestKinds, digestTimeZone, emailsKind, newsletterConfig, newsletterKinds, SECRET_ENV } from './settings.ts';

export default defineChannel({
  name: 'newsletter',
  secretEnv: SECRET_ENV,
  // What the dry run compares the length with: the HTML's bytes, against Gmail's clipping size.
  limits: { max: GMAIL_CLIP_BYTES, unit: 'bytes' },
  // The email links its images from the site: nothing is uploaded.
  uploadsThumbnail: false,
  config: newsletterConfig,
  createAdapter: (config, deps) => createNewsletterAdapter(createButtondown(config, deps)),
  compose: composeNewsletter,
  // The kinds in NEWSLETTER_KINDS (essays by default) and NEWSLETTER_DIGEST_KINDS: a piece of another kind is not the newsletter's.
  accepts: (item, env) => emailsKind([...newsletterKinds(env), ...digestKinds(env)], item),
  // NEWSLETTER_DIGEST_KINDS go out together, one email per week once it is over (digest.ts).
  batch: {
    takes: (item, env) => emailsKind(digestKinds(env), item),
    group: (pending, ledger, env, now) => groupDigests(pending, ledger, digestTimeZone(env), now),
    compose: composeDigest,
  },
  // The dry run writes the email a person opens: `<folder>/<kind>-<slug>.html` and `.txt`.
  preview: async (post, folder) => {
    if (!isNewsletterPost(post)) throw new Error(`${post.itemKey}: the newsletter's preview was handed a post without an email`);
    const files = await writeEmailPreview(post, folder);
    return [files.html, files.text];
  },
});
