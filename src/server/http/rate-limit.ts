/**
 * How often one client may post. A fixed one-minute window per client, in a map that never
 * holds more than `maxClients` entries: the least recently seen client is dropped first, so
 * memory stays bounded and each post costs O(1) however many addresses an attacker uses.
 *
 * hono-rate-limiter (0.5) was considered: its MemoryStore keeps every key seen within a
 * window (unbounded under a flood of addresses) and resets on a timer of its own, which a
 * test's fake clock cannot drive.
 */
import type { Clock } from '../clock.ts';

const WINDOW_MS = 60_000;
const MAX_CLIENTS = 10_000;

export interface RateLimiter {
  /** Counts one attempt by `client`; the seconds to wait, or 0 when it may go ahead. */
  hit(client: string): number;
  /** The seconds `client` must still wait, without counting an attempt. */
  wait(client: string): number;
  /** Takes back one attempt, e.g. a post the server could not store (5xx). */
  release(client: string): void;
  /** How many clients are being counted now (at most `maxClients`). */
  tracked(): number;
}

/**
 * The key of a client address: IPv4 as it is, IPv6 by its /64 (one subscriber's network, which
 * can hand out 2^64 addresses), an IPv4-mapped IPv6 address as the IPv4 it is.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.toLowerCase().split('%')[0].split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...front, ...Array(8 - front.length - back.length).fill('0'), ...back]
    : front;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** `perMinute` 0 turns the limit off. */
export function createRateLimiter(
  perMinute: number,
  clock: Clock,
  maxClients = MAX_CLIENTS,
): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();

  /** The client's current window (moved to the most recently seen end), or undefined. */
  function current(key: string, now: number) {
    const window = windows.get(key);
    if (!window) return undefined;
    windows.delete(key);
    if (now - window.start >= WINDOW_MS) return undefined;
    windows.set(key, window);
    return window;
  }

  const secondsLeft = (window: { start: number }, now: number) =>
    Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));

  return {
    hit(client) {
      if (perMinute === 0) return 0;
      const key = clientKey(client);
      const now = clock.now().getTime();
      let window = current(key, now);
      if (!window) {
        if (windows.size >= maxClients) windows.delete(windows.keys().next().value as string);
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count > perMinute ? secondsLeft(window, now) : 0;
    },
    wait(client) {
      if (perMinute === 0) return 0;
      const now = clock.now().getTime();
      const window = current(clientKey(client), now);
      return window && window.count >= perMinute ? secondsLeft(window, now) : 0;
    },
    release(client) {
      const window = windows.get(clientKey(client));
      if (window && window.count > 0) window.count -= 1;
    },
    tracked: () => windows.size,
  };
}
