/**
 * The newsletter as a channel adapter: publish sends the composed email (a piece, or a week's digest)
 * through the provider after looking for one already made for it (by the hub's marker, then by the
 * piece's address), so a lost answer, a crash after the send or a lost ledger never sends it twice;
 * read back gives what the provider reports. The ledger's in-flight mark (the run) is the other half of "exactly once".
 */
import { counts } from '../read-back.ts';
import { lookBeforePosting, stableKey, type NetworkAdapter, type ReadBack, type RemotePost } from '../adapter.ts';
import { isNewsletterPost } from './compose.ts';
import type { NewsletterProvider, ProviderEmail } from './provider.ts';
import { NEWSLETTER } from './settings.ts';

// The key needs no registering here: the registry redacts every channel's secretEnv (BUTTONDOWN_API_KEY).
export function createNewsletterAdapter(provider: NewsletterProvider): NetworkAdapter {
  // A provider without an archive page gives no address: the web version stands in (the piece, of which the email is a copy; the site, for a digest).
  const toRemote = (email: ProviderEmail, webUrl: string): RemotePost => ({ remoteId: email.id, url: email.url ?? webUrl });

  return {
    network: NEWSLETTER,
    keyFor: (item) => stableKey(item.key, NEWSLETTER),
    async publish(post, publishOptions) {
      if (!isNewsletterPost(post))
        throw new Error(`${post.itemKey}: the newsletter was handed a post without an email; compose it with composeNewsletter`);
      const { email } = post;
      // Always looked for, not only after an uncertain attempt: two copies of an email in every subscriber's inbox is the worst outcome this channel has.
      const looked = await lookBeforePosting(publishOptions, () => provider.find(email));
      const found = looked.found;
      if (found && !found.draft)
        return { ...toRemote(found, email.webUrl), note: `${provider.label} already had it (${found.status}); not sent again` };
      const sent = found ? await provider.sendDraft(found.id) : await provider.send(email);
      return { ...toRemote(sent, email.webUrl), ...(looked.note ? { note: looked.note } : {}) };
    },
    async readBack(remote): Promise<ReadBack> {
      const report = await provider.read(remote.remoteId);
      if (!report) return { ...remote, exists: false, metrics: {} };
      const tracked = report.opens !== undefined || report.clicks !== undefined;
      return {
        remoteId: report.id,
        url: report.url ?? remote.url,
        exists: true,
        // With what an email has and a post does not: how many got it, opened it, clicked in it (collect stores them).
        metrics: counts({
          likes: undefined,
          reposts: undefined,
          replies: report.replies,
          quotes: undefined,
          recipients: report.recipients,
          opens: report.opens,
          clicks: report.clicks,
        }),
        // Replies land in the person's inbox, not on a public page: there are none to show.
        replies: undefined,
        ...(tracked ? {} : { note: `${provider.label} reports no opens or clicks (tracking is off)` }),
      };
    },
  };
}
