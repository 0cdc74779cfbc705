import { describe, expect, test } from 'vitest';
import { clientKey, createRateLimiter } from '../../src/server/http/rate-limit.ts';

function clock(start = Date.parse('2026-11-02T03:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('clientKey', () => {
  test('IPv4 as it is, an IPv4-mapped IPv6 address as its IPv4', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  test('IPv6 by its /64, however it is written', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
  });
});

describe('createRateLimiter', () => {
  test('a client may post `perMinute` times a minute, then waits until the window ends', () => {
    const time = clock();
    const limiter = createRateLimiter(2, time);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')]).toEqual([0, 0, 60]);
    time.advance(45_000);
    expect(limiter.hit('a')).toBe(15);
    expect(limiter.wait('a')).toBe(15);
    time.advance(15_000);
    expect(limiter.hit('a')).toBe(0);
  });

  test('the addresses of one IPv6 /64 share a limit', () => {
    const limiter = createRateLimiter(1, clock());
    expect(limiter.hit('2001:db8:1:2::1')).toBe(0);
    expect(limiter.hit('2001:db8:1:2::beef')).toBeGreaterThan(0);
    expect(limiter.hit('2001:db8:1:3::1')).toBe(0);
  });

  test('a post the server could not store is given back', () => {
    const limiter = createRateLimiter(1, clock());
    expect(limiter.hit('a')).toBe(0);
    limiter.release('a');
    expect(limiter.hit('a')).toBe(0);
  });

  test('50,000 addresses in one minute keep at most 10,000 counted, and a recent client keeps its count', () => {
    const limiter = createRateLimiter(3, clock());
    for (let i = 0; i < 3; i += 1) limiter.hit('198.51.100.1');
    for (let i = 0; i < 50_000; i += 1) {
      limiter.hit(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
      // The citizen keeps posting through the flood; being seen keeps it counted.
      if (i % 1_000 === 0) limiter.hit('198.51.100.1');
    }
    expect(limiter.tracked()).toBeLessThanOrEqual(10_000);
    expect(limiter.wait('198.51.100.1')).toBeGreaterThan(0);
  });

  test('0 turns the limit off', () => {
    const limiter = createRateLimiter(0, clock());
    for (let i = 0; i < 100; i += 1) expect(limiter.hit('a')).toBe(0);
    expect(limiter.tracked()).toBe(0);
  });
});
