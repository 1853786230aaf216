import { describe, expect, test } from 'vitest';
import {
  beforePosting,
  DEFAULT_RETRY_POLICY,
  mayHaveReachedNetwork,
  RequestError,
  RetryLater,
  retryAfterMs,
  withRetry,
  type RetryDeps,
} from './retry.ts';

function fakeClock(random = 0.5): RetryDeps & { waits: number[] } {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    random: () => random,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

const fail = (status: number | undefined, retryAfter?: number) =>
  new RequestError({ method: 'POST', url: 'https://x.example/2/tweets', status, retryAfterMs: retryAfter });

/** An operation that throws these errors, one per call, then answers 'ok'. */
const failingThen = (errors: Error[]) => async (): Promise<string> => {
  const error = errors.shift();
  if (error) throw error;
  return 'ok';
};

describe('retryAfterMs', () => {
  test('reads Retry-After in seconds and as an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'Retry-After': '3' }), 0)).toBe(3000);
    expect(retryAfterMs(new Headers({ 'Retry-After': 'Wed, 25 Nov 2026 10:00:05 GMT' }), Date.parse('2026-11-25T10:00:00Z'))).toBe(5000);
  });

  test('reads X’s x-rate-limit-reset and Bluesky’s ratelimit-reset as Unix seconds', () => {
    expect(retryAfterMs({ 'x-rate-limit-reset': '1000010' }, 1_000_000_000)).toBe(10_000);
    expect(retryAfterMs(new Headers({ 'ratelimit-reset': '1000002' }), 1_000_000_000)).toBe(2000);
  });

  test('is undefined without a hint', () => {
    expect(retryAfterMs(new Headers(), 0)).toBeUndefined();
  });
});

describe('mayHaveReachedNetwork', () => {
  test('a 4xx answer posted nothing; no answer, a 5xx or an unexpected error may hide a post', () => {
    for (const status of [400, 401, 403, 408, 422, 426, 429]) expect(mayHaveReachedNetwork(fail(status)), String(status)).toBe(false);
    for (const status of [500, 502, 503, 504, undefined]) expect(mayHaveReachedNetwork(fail(status)), String(status)).toBe(true);
    expect(mayHaveReachedNetwork(new Error('201 without an x-restli-id header'))).toBe(true);
  });

  test('an error marked as coming before the post request posted nothing, whatever it was; it is still retried', async () => {
    expect(mayHaveReachedNetwork(beforePosting(fail(503)))).toBe(false);
    expect(mayHaveReachedNetwork(beforePosting(fail(undefined)))).toBe(false);
    expect(mayHaveReachedNetwork(fail(503))).toBe(true);
    const clock = fakeClock();
    expect(await withRetry(failingThen([beforePosting(fail(503))]), DEFAULT_RETRY_POLICY, clock)).toBe('ok');
  });
});

describe('withRetry', () => {
  test('retries 429, 5xx and network errors, then succeeds', async () => {
    const clock = fakeClock();
    const result = await withRetry(failingThen([fail(429), fail(503), fail(undefined)]), DEFAULT_RETRY_POLICY, clock);
    expect(result).toBe('ok');
    expect(clock.waits).toHaveLength(3);
  });

  test('backs off exponentially with jitter', async () => {
    const clock = fakeClock(1);
    await expect(
      withRetry(
        async () => {
          throw fail(500);
        },
        { ...DEFAULT_RETRY_POLICY, attempts: 4 },
        clock,
      ),
    ).rejects.toThrow(/500/);
    expect(clock.waits).toEqual([500, 1000, 2000]);
  });

  test('honours Retry-After', async () => {
    const clock = fakeClock(0);
    let calls = 0;
    await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw fail(429, 7000);
      },
      DEFAULT_RETRY_POLICY,
      clock,
    );
    expect(clock.waits).toEqual([7000]);
  });

  test('does not retry a client error', async () => {
    const clock = fakeClock();
    await expect(
      withRetry(
        async () => {
          throw fail(400);
        },
        DEFAULT_RETRY_POLICY,
        clock,
      ),
    ).rejects.toThrow(/400/);
    expect(clock.waits).toEqual([]);
  });

  test('gives up rather than wait past the total time (a wait the network asked for: left for the next run)', async () => {
    const clock = fakeClock();
    const attempt = withRetry(
      async () => {
        throw fail(429, 60_000);
      },
      { ...DEFAULT_RETRY_POLICY, totalMs: 30_000, maxDelayMs: 120_000 },
      clock,
    );
    await expect(attempt).rejects.toThrow(/429.*asked to wait 60 s/);
    await expect(attempt).rejects.toBeInstanceOf(RetryLater);
    expect(clock.waits).toEqual([]);
  });
});

describe('a wait longer than the budget (issue 14, item 14)', () => {
  test('14: Retry-After: 3600 is not cut to 30 s and retried early: the operation is deferred, saying until when', async () => {
    const clock = fakeClock();
    let calls = 0;
    const attempt = withRetry(
      async () => {
        calls += 1;
        throw fail(429, 3_600_000);
      },
      DEFAULT_RETRY_POLICY,
      clock,
    );
    await expect(attempt).rejects.toBeInstanceOf(RetryLater);
    await expect(attempt).rejects.toMatchObject({ afterMs: 3_600_000 });
    expect(calls).toBe(1);
    expect(clock.waits).toEqual([]);
  });

  test('an asked wait within one wait but past the whole budget defers too; one that fits is waited', async () => {
    const clock = fakeClock();
    const policy = { ...DEFAULT_RETRY_POLICY, totalMs: 20_000 };
    await expect(
      withRetry(
        async () => {
          throw fail(429, 25_000);
        },
        policy,
        clock,
      ),
    ).rejects.toBeInstanceOf(RetryLater);
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw fail(429, 2000);
        return 'ok';
      },
      policy,
      clock,
    );
    expect(value).toBe('ok');
    expect(clock.waits).toHaveLength(1);
  });
});
