import { describe, expect, test } from 'vitest';
import { networkGate, NetworkStopped } from './network-gate.ts';
import { RequestError, RetryLater } from './retry.ts';

const silence = () =>
  new RequestError({ method: 'GET', url: 'https://t.example/x', detail: 'no answer within 10 ms', cause: new Error('timeout') });
const refusal = (status: number, body?: unknown) => new RequestError({ method: 'GET', url: 'https://t.example/x', status, body });

describe('networkGate (issue 14, items 13 and 21)', () => {
  test('closes after maxNoAnswer silent requests in a row; an answer in between starts the count again', async () => {
    const gate = networkGate('threads', { maxNoAnswer: 3, deadlineMs: 60_000, now: () => 0 });
    const fail = (error: unknown) =>
      gate
        .attempt(async () => {
          throw error;
        })
        .catch(() => undefined);
    await fail(silence());
    await fail(silence());
    await fail(refusal(500));
    await fail(silence());
    await fail(silence());
    expect(gate.stopped).toBeUndefined();
    await fail(silence());
    expect(gate.stopped).toBeInstanceOf(NetworkStopped);
    expect(gate.stopped?.status).toBe('failed');
    let called = false;
    await expect(gate.attempt(async () => (called = true))).rejects.toBeInstanceOf(NetworkStopped);
    expect(called).toBe(false);
  });

  test('closes past its deadline (a clock that moves, not the wall clock)', async () => {
    let now = 0;
    const gate = networkGate('mastodon', { maxNoAnswer: 3, deadlineMs: 1000, now: () => now });
    await expect(gate.attempt(async () => 'ok')).resolves.toBe('ok');
    now = 1001;
    await expect(gate.attempt(async () => 'ok')).rejects.toThrow(/longer than its 1 s/);
  });

  test('closes on a rejected credential (401, Graph API code 190) and, deferred, on a wait too long', async () => {
    for (const error of [refusal(401), refusal(400, { error: { code: 190 } })]) {
      const gate = networkGate('threads', { maxNoAnswer: 3, deadlineMs: 60_000, now: () => 0 });
      await gate
        .attempt(async () => {
          throw error;
        })
        .catch(() => undefined);
      expect(gate.stopped?.message).toMatch(/rejected the credentials/);
    }
    const gate = networkGate('x', { maxNoAnswer: 3, deadlineMs: 60_000, now: () => 0 });
    gate.defer(new RetryLater(refusal(429), 3_600_000));
    expect(gate.stopped?.status).toBe('deferred');
  });
});
