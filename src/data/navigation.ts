/**
 * The main sections, in the order the header lists them: only those with something in them
 * (src/data/sections.ts) and only listed pages (src/lib/visibility.ts). The header and the 404 page
 * both ask here, so a reader who lands on a wrong address is offered the same way in.
 */
import { impactPath, kindIndexPath, searchPath, speakingPath, stancesPath } from '../lib/urls.ts';
import { isListed } from '../lib/visibility.ts';
import { getSections } from './sections.ts';
import { settings } from './site.ts';

export interface NavigationLink {
  href: string;
  label: string;
}

export async function getMainNavigation(): Promise<NavigationLink[]> {
  const sections = await getSections();
  return [
    { href: kindIndexPath('essay'), label: 'Essays', shown: sections.essays },
    { href: kindIndexPath('note'), label: 'Notes', shown: sections.notes },
    { href: kindIndexPath('theory'), label: 'Theories', shown: sections.theories },
    { href: stancesPath(), label: 'Stances', shown: sections.stances },
    { href: '/tags/', label: 'Topics', shown: sections.topics },
    { href: speakingPath(), label: 'Speaking', shown: true },
    { href: impactPath(), label: 'Impact', shown: isListed(impactPath(), settings) },
    { href: '/about/', label: 'About', shown: true },
    { href: searchPath(), label: 'Search', shown: true },
  ]
    .filter((link) => link.shown)
    .map(({ href, label }) => ({ href, label }));
}
