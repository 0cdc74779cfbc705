import { describe, expect, test } from 'vitest';
import {
  accessKeyFor,
  accessKeyMatches,
  fillAccessKeys,
  hashAccessKey,
  keyPlaceholder,
} from '../../src/server/domain/access-keys.ts';

const secret = 'rahasia-uji-0123456789abcdefghijkl';

describe('the personal link key', () => {
  test('128 bits, the same for a request every time, different per request and per secret', () => {
    const key = accessKeyFor(secret, 'KS-2611-7K3QX9');
    expect(key).toMatch(/^[\w-]{22}$/);
    expect(Buffer.from(key, 'base64url')).toHaveLength(16);
    expect(accessKeyFor(secret, 'KS-2611-7K3QX9')).toBe(key);
    expect(accessKeyFor(secret, 'KS-2611-7K3QX8')).not.toBe(key);
    expect(accessKeyFor(`${secret}x`, 'KS-2611-7K3QX9')).not.toBe(key);
  });

  test('matches its hash only; nothing opens a request without one', () => {
    const key = accessKeyFor(secret, 'KS-2611-7K3QX9');
    const hash = hashAccessKey(key);
    expect(hash).not.toContain(key);
    expect(accessKeyMatches(hash, key)).toBe(true);
    expect(accessKeyMatches(hash, `${key.slice(0, -1)}A`)).toBe(false);
    expect(accessKeyMatches(null, key)).toBe(false);
    expect(accessKeyMatches(hash, undefined)).toBe(false);
    expect(accessKeyMatches(hash, 'x'.repeat(1000))).toBe(false);
  });

  test('a queued mail holds a placeholder; the key is filled in on sending', () => {
    const text = `Tautan: https://pst.example/status/?ref=KS-2611-7K3QX9&kunci=${keyPlaceholder('KS-2611-7K3QX9')}`;
    expect(text).not.toContain(accessKeyFor(secret, 'KS-2611-7K3QX9'));
    expect(fillAccessKeys(text, secret)).toBe(
      `Tautan: https://pst.example/status/?ref=KS-2611-7K3QX9&kunci=${accessKeyFor(secret, 'KS-2611-7K3QX9')}`,
    );
  });
});
