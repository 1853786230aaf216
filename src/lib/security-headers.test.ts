import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { allowFormAction, allowSource, formOrigin } from './security-headers.ts';

/** A policy's directives by name, and the names written twice (the site does not depend on scripts/check's parser). */
function parseCsp(value: string): { policy: Map<string, string[]>; duplicates: string[] } {
  const policy = new Map<string, string[]>();
  const duplicates: string[] = [];
  for (const [name, ...sources] of value
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter(([name]) => name)) {
    if (policy.has(name!)) duplicates.push(name!);
    else policy.set(name!, sources);
  }
  return { policy, duplicates };
}

const PUBLIC_HEADERS = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');

describe('formOrigin', () => {
  test('the scheme, host and port a form posts to, without path or query', () => {
    expect(formOrigin('https://buttondown.com/api/emails/embed-subscribe/ada?x=1')).toBe('https://buttondown.com');
    expect(formOrigin('http://127.0.0.1:4321/subscribe')).toBe('http://127.0.0.1:4321');
  });
});

describe('allowFormAction', () => {
  test('adds exactly the origin to public/_headers’ form-action and changes nothing else', () => {
    const built = allowFormAction(PUBLIC_HEADERS, 'https://buttondown.com');
    const before = PUBLIC_HEADERS.split('\n');
    const after = built.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.filter((line, index) => line !== before[index]);
    expect(changed).toHaveLength(1);
    const { policy, duplicates } = parseCsp(changed[0]!.replace(/^\s*Content-Security-Policy:/, ''));
    expect(duplicates).toEqual([]);
    expect(policy.get('form-action')).toEqual(["'self'", 'https://buttondown.com']);
    const original = parseCsp(
      before.find((line) => /Content-Security-Policy:/.test(line))!.replace(/^\s*Content-Security-Policy:/, ''),
    ).policy;
    for (const [name, sources] of original) if (name !== 'form-action') expect(policy.get(name), name).toEqual(sources);
  });

  test('an origin already allowed is not added twice', () => {
    const once = allowFormAction(PUBLIC_HEADERS, 'https://buttondown.com');
    expect(allowFormAction(once, 'https://buttondown.com')).toBe(once);
  });

  test('a policy without form-action is refused in one line naming the file and the fix', () => {
    expect(() => allowFormAction("/*\n  Content-Security-Policy: default-src 'self'\n", 'https://buttondown.com')).toThrow(
      "public/_headers:2: the Content-Security-Policy has no form-action; add form-action 'self' to it",
    );
  });
});

describe('allowSource', () => {
  const policyOf = (headers: string) =>
    parseCsp(
      headers
        .split('\n')
        .find((line) => /Content-Security-Policy:/.test(line))!
        .replace(/^\s*Content-Security-Policy:/, ''),
    ).policy;

  test('adds the origin to a directive the policy names, keeping its sources', () => {
    expect(policyOf(allowSource(PUBLIC_HEADERS, 'img-src', 'https://ada.goatcounter.com')).get('img-src')).toEqual([
      "'self'",
      'data:',
      'https://ada.goatcounter.com',
    ]);
  });

  test('a fetch directive left to default-src is written out with default-src’s sources and the origin', () => {
    const policy = policyOf(allowSource(PUBLIC_HEADERS, 'connect-src', 'https://ada.goatcounter.com'));
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://ada.goatcounter.com']);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });
});
