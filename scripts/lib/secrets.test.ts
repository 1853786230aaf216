import { describe, expect, test } from 'vitest';
import { redact, registerSecret, registerSecretEnv } from './secrets.ts';

const TOKEN = 'AAAA+bc/def==ghij:kl mn"op\\q';
const env = { X_ACCESS_TOKEN: TOKEN };
// A channel's secret variable, as the channel registry registers it when it loads X.
registerSecretEnv(['X_ACCESS_TOKEN']);

describe('redact (issue 14, items 1 and 2)', () => {
  test('hides a token obtained at run time once it is registered', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOnRlc3QifQ.c2lnbmF0dXJlLXJ1bnRpbWU';
    registerSecret(jwt);
    expect(redact(`Authorization: Bearer ${jwt}`, {})).toBe('Authorization: Bearer [redacted]');
  });

  test('hides every encoding of a secret: raw, percent (encodeURIComponent and RFC 3986), form, base64, base64url, JSON', () => {
    const rfc3986 = encodeURIComponent(TOKEN).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const forms = [
      TOKEN,
      encodeURIComponent(TOKEN),
      rfc3986,
      new URLSearchParams({ t: TOKEN }).toString().slice(2),
      Buffer.from(TOKEN).toString('base64'),
      Buffer.from(TOKEN).toString('base64url'),
      JSON.stringify(TOKEN).slice(1, -1),
      encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    ];
    for (const form of forms) {
      const shown = redact(`oauth_token="${form}", x`, env);
      expect(shown, form).not.toContain(form.slice(0, -1));
      expect(shown).toContain('[redacted]');
    }
  });

  test('hides a secret inside a longer base64 text, at any alignment (Basic client:secret)', () => {
    for (const prefix of ['a:', 'ab:', 'abc:']) {
      const basic = Buffer.from(`${prefix}${TOKEN}`).toString('base64');
      const shown = redact(`Basic ${basic}`, env);
      expect(shown).toContain('[redacted]');
      expect(shown.length).toBeLessThan(`Basic ${basic}`.length - 20);
    }
  });

  test('leaves ordinary text alone', () => {
    expect(redact('posted https://example.com/a', env)).toBe('posted https://example.com/a');
  });
});
