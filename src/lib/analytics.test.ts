import { describe, expect, test } from 'vitest';
import { siteSchema } from '../schemas/site.ts';
import { analyticsAllowances, readCounter } from './analytics.ts';

const parse = (analytics: unknown) => siteSchema.safeParse({ url: 'https://ada.example', analytics });

describe('analytics: in site.yaml', () => {
  test('unset by default: nothing to count with', () => {
    expect(siteSchema.parse({ url: 'https://ada.example' }).analytics).toBeUndefined();
  });

  test('GoatCounter by default, the pixel unless the script is asked for; the site kept as its origin', () => {
    expect(parse({ site: 'https://ada.goatcounter.com/' }).data?.analytics).toEqual({
      provider: 'goatcounter',
      site: 'https://ada.goatcounter.com',
      script: false,
    });
    expect(parse({ site: 'https://stats.ada.example:8443', script: true }).data?.analytics?.site).toBe('https://stats.ada.example:8443');
  });

  test.each([
    ['http://ada.goatcounter.com', 'https address'],
    ['https://ada.goatcounter.com/count', 'without a path'],
    ['https://ada.goatcounter.com/?x=1', 'without a path'],
    ['ada', 'https address'],
  ])('%s is refused, saying what is expected', (site, expected) => {
    const result = parse({ site });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain(expected);
  });

  test('an unknown provider or field is refused', () => {
    expect(parse({ provider: 'plausible', site: 'https://ada.goatcounter.com' }).success).toBe(false);
    expect(parse({ site: 'https://ada.goatcounter.com', token: 'x' }).success).toBe(false);
  });
});

describe('readCounter', () => {
  const analytics = { provider: 'goatcounter' as const, site: 'https://ada.goatcounter.com', script: false };

  test('the pixel: GoatCounter’s /count with the page’s path and title, encoded', () => {
    const counter = readCounter(analytics, { path: '/essays/owning-the-wind/', title: 'Owning the wind — Ada & co' });
    expect(counter.kind).toBe('pixel');
    const src = new URL(counter.src);
    expect(src.origin + src.pathname).toBe('https://ada.goatcounter.com/count');
    expect(src.searchParams.get('p')).toBe('/essays/owning-the-wind/');
    expect(src.searchParams.get('t')).toBe('Owning the wind — Ada & co');
  });

  test('the script, opted in: count.js from the same site, counting to its /count', () => {
    expect(readCounter({ ...analytics, script: true }, { path: '/', title: 'Ada' })).toEqual({
      kind: 'script',
      src: 'https://ada.goatcounter.com/count.js',
      endpoint: 'https://ada.goatcounter.com/count',
    });
  });

  test('the policy allows exactly the origin: images for the pixel; script and connect for the script', () => {
    expect(analyticsAllowances(analytics)).toEqual([{ directive: 'img-src', origin: 'https://ada.goatcounter.com' }]);
    expect(analyticsAllowances({ ...analytics, script: true })).toEqual([
      { directive: 'script-src', origin: 'https://ada.goatcounter.com' },
      { directive: 'connect-src', origin: 'https://ada.goatcounter.com' },
    ]);
  });
});
