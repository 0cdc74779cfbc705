import { expect, test } from 'vitest';
import { median, percentile, share } from '../../src/lib/percentiles.ts';

test('nearest rank: always a measured value', () => {
  expect(median([4, 1, 2, 1])).toBe(1);
  expect(percentile([4, 1, 2, 1], 90)).toBe(4);
  expect(median([2, 4, 10, 12, 14])).toBe(10);
  expect(percentile([2, 4, 10, 12, 14], 90)).toBe(14);
  expect(percentile([7], 90)).toBe(7);
});

test('nothing measured: null, not 0', () => {
  expect(median([])).toBeNull();
  expect(percentile([], 90)).toBeNull();
  expect(share(0, 0)).toBeNull();
  expect(share(3, 5)).toBe(0.6);
});
