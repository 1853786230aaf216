/**
 * Addresses as the press watch compares them. An alerts service wraps each link in its own redirect
 * (`https://www.google.com/url?rct=j&url=REAL`); outlets add tracking parameters and fragments. One
 * article must be proposed once, whichever of its addresses a feed carries.
 */

/** Query parameters that track a click and never choose the page. */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ocid|cmpid)$/i;

/** The article's own address inside a redirect-wrapped link (Google Alerts style), else the link itself. */
export function unwrapRedirect(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  const wrapper = /(^|\.)google\.[a-z.]+$/.test(url.hostname) && url.pathname === '/url';
  const inner = wrapper ? (url.searchParams.get('url') ?? url.searchParams.get('q')) : null;
  return inner && httpUrl(inner) ? inner : link;
}

/** The URL when it is an absolute http(s) address, else undefined. */
export function httpUrl(text: string, base?: string): URL | undefined {
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key one article is known by: host lowercased (URL does that) without a default port, no scheme
 * (http and https are one article), no fragment, no tracking parameters, no trailing slash.
 */
export function articleKey(address: string): string {
  const url = httpUrl(address);
  if (!url) return address;
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
  const path = url.pathname.replace(/\/+$/, '');
  const query = url.searchParams.toString();
  return `${url.host}${path}${query ? `?${query}` : ''}`;
}
