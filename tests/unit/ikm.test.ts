import { describe, expect, test } from 'vitest';
import { IKM_ELEMENTS, ikmBand, ikmIndex } from '../../src/lib/ikm.ts';

const all = (mean: number) => Array<number>(9).fill(mean);

describe('ikmIndex: Σ (mean × 0.111) × 25', () => {
  test('has the nine elements of PermenPANRB 14/2017', () => {
    expect(IKM_ELEMENTS.map((e) => e.code)).toEqual([
      'U1',
      'U2',
      'U3',
      'U4',
      'U5',
      'U6',
      'U7',
      'U8',
      'U9',
    ]);
  });

  test('all answers 4 give 99.9 (the regulation rounds 1/9 to 0.111)', () => {
    expect(ikmIndex(all(4))).toBe(99.9);
  });

  test('all answers 1 give 24.98', () => {
    expect(ikmIndex(all(1))).toBe(24.98);
  });

  test('a worked example: means 3.2, 3.0, 2.9, 4.0, 3.1, 3.5, 3.6, 3.0, 2.8', () => {
    // Σ = 29.1; 29.1 × 0.111 = 3.2301; × 25 = 80.7525 → 80.75
    expect(ikmIndex([3.2, 3.0, 2.9, 4.0, 3.1, 3.5, 3.6, 3.0, 2.8])).toBe(80.75);
  });

  test('refuses anything but nine means', () => {
    expect(() => ikmIndex([4, 4])).toThrow(/9 element means, received 2/);
  });
});

describe('ikmBand', () => {
  test.each([
    [25, 'D', 'Tidak baik'],
    [64.99, 'D', 'Tidak baik'],
    [65, 'C', 'Kurang baik'],
    [76.6, 'C', 'Kurang baik'],
    [76.61, 'B', 'Baik'],
    [88.3, 'B', 'Baik'],
    [88.31, 'A', 'Sangat baik'],
    [99.9, 'A', 'Sangat baik'],
    [100, 'A', 'Sangat baik'],
  ])('%d is %s (%s)', (index, grade, label) => {
    expect(ikmBand(index)).toMatchObject({ grade, label });
  });

  test('the 24.98 of all-1 answers is D', () => {
    expect(ikmBand(24.98).grade).toBe('D');
  });

  test('values between the published hundredths round to them first', () => {
    expect(ikmBand(76.604).grade).toBe('C');
    expect(ikmBand(76.605).grade).toBe('B');
  });
});
