/** Invitations to speak, queried once per build: private evidence for /impact/, never a page of their own. */
import { getCollection } from 'astro:content';
import type { InvitationData } from '../schemas/invitation.ts';

let cache: Promise<InvitationData[]> | undefined;

/** Every invitation, oldest first; all count, whatever their outcome. */
export function getInvitations(): Promise<InvitationData[]> {
  cache ??= getCollection('invitations').then((entries) =>
    entries.map((entry) => entry.data).sort((a, b) => a.asked.getTime() - b.asked.getTime()),
  );
  return cache;
}
