/**
 * `./hub check`: what can go wrong with a person's site once it is built — broken internal links,
 * invalid HTML, a page the Content-Security-Policy would break, a page without its share card. The
 * publish workflow gates on this (and on the build itself), never on the developers' test suite.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { checkCards } from './cards.ts';
import { checkSite as checkCsp, formatViolations } from './csp.ts';
import { checkHtml } from './html.ts';
import { checkLinks } from './links.ts';

export interface CheckReport {
  /** One line per check: what it looked at and how many problems it found. */
  summary: string[];
  /** One line per problem, each naming the page. */
  problems: string[];
}

/** The site's public origin, from the home page's canonical link (what `site.yaml` set at build time). */
export async function siteOrigin(dist: string): Promise<string> {
  const home = join(dist, 'index.html');
  if (!existsSync(home)) throw new Error(`${home} is missing: build the site first (./hub build)`);
  const { document } = parseHTML(await readFile(home, 'utf8'));
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!canonical) throw new Error(`${home} has no canonical link, so the site's address is unknown`);
  return new URL(canonical).origin;
}

export async function checkBuiltSite(dist: string, projectRoot: string): Promise<CheckReport> {
  const origin = await siteOrigin(dist);
  const [links, html, csp, cards] = [
    await checkLinks(dist, origin),
    await checkHtml(dist, projectRoot),
    await checkCsp(dist, origin),
    await checkCards(dist, origin),
  ];
  const cspProblems = [
    ...csp.missingPolicy.map((path) => `${path}: no Content-Security-Policy header applies (public/_headers)`),
    ...formatViolations(csp.violations).split('\n').filter(Boolean),
  ];
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return {
    summary: [
      `links   ${plural(links.links, 'internal link')} on ${plural(links.pages, 'page')}: ${plural(links.broken.length, 'problem')}`,
      `html    ${plural(html.files, 'page')} validated: ${plural(html.problems.length, 'problem')}`,
      `csp     ${plural(csp.pages, 'page')} and ${plural(csp.stylesheets, 'stylesheet')} against _headers: ${plural(cspProblems.length, 'problem')}`,
      `cards   ${plural(cards.pages, 'page')} with a share card: ${plural(cards.problems.length, 'problem')}`,
    ],
    problems: [
      ...links.broken.map((link) => `${link.page}: link ${link.url} ${link.problem}`),
      ...html.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message} (${problem.rule})`),
      ...cspProblems,
      ...cards.problems.map((card) => `${card.page}: ${card.problem}`),
    ],
  };
}
