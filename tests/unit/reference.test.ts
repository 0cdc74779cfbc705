import { describe, expect, test } from 'vitest';
import { makeReference, normalizeReference } from '../../src/lib/reference.ts';

const fixedBytes = (values: number[]) => () => Uint8Array.from(values);

describe('makeReference', () => {
  test('type, year and month in Jakarta, then six Crockford base32 characters', () => {
    const reference = makeReference('konsultasi', new Date('2026-11-02T03:00:00Z'));
    expect(reference).toMatch(/^KS-2611-[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  test('complaints start with PG', () => {
    expect(makeReference('pengaduan', new Date('2026-11-02T03:00:00Z'))).toMatch(/^PG-2611-/);
  });

  test('the month is the month in Jakarta: 31 October 20:00 UTC is already November', () => {
    expect(makeReference('konsultasi', new Date('2026-10-31T20:00:00Z'))).toMatch(/^KS-2611-/);
  });

  test('uses the low five bits of each random byte', () => {
    expect(
      makeReference(
        'konsultasi',
        new Date('2026-11-02T03:00:00Z'),
        fixedBytes([0, 31, 32, 255, 10, 17]),
      ),
    ).toBe('KS-2611-0Z0ZAH');
  });

  test('never uses I, L, O or U', () => {
    for (let i = 0; i < 200; i += 1) {
      expect(makeReference('konsultasi', new Date()).slice(8)).not.toMatch(/[ILOU]/);
    }
  });

  test('a thousand draws do not repeat', () => {
    const drawn = new Set(
      Array.from({ length: 1000 }, () => makeReference('konsultasi', new Date())),
    );
    expect(drawn.size).toBe(1000);
  });
});

describe('normalizeReference', () => {
  test('accepts the canonical form', () => {
    expect(normalizeReference('KS-2611-7K3QX9')).toBe('KS-2611-7K3QX9');
  });

  test('accepts lower case, spaces and missing hyphens', () => {
    expect(normalizeReference(' ks 2611 7k3qx9 ')).toBe('KS-2611-7K3QX9');
    expect(normalizeReference('pg26117k3qx9')).toBe('PG-2611-7K3QX9');
  });

  test('reads O as 0 and I or L as 1, as Crockford base32 does', () => {
    expect(normalizeReference('KS-26II-7K3QXO')).toBe('KS-2611-7K3QX0');
    expect(normalizeReference('KS-2611-L0000O')).toBe('KS-2611-100000');
  });

  test('refuses what cannot be one of ours', () => {
    for (const typed of [
      '',
      'KS-2611',
      'XX-2611-7K3QX9',
      'KS-2611-7K3QXU',
      'KS-261A-7K3QX9',
      'KS-2611-7K3QX9Z',
      "KS-2611-' OR 1=1",
    ]) {
      expect(normalizeReference(typed)).toBeNull();
    }
  });
});
