import { describe, expect, test } from 'vitest';
import {
  elementMeans,
  IKM_ELEMENTS,
  ikmBand,
  ikmFigures,
  ikmIndex,
  intervalBand,
} from '../../src/lib/ikm.ts';
import { RATINGS } from '../fixtures/report/seed.ts';

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

  // A published office report shows the other reading: Dukcapil Tulang Bawang Barat's SKM
  // 2023 semester 1 (https://e-smile.tubaba.go.id/main/skm/laporan/online) prints NRR
  // tertimbang 0.44 per element, their sum as 4 and the IKM as 100, i.e. it rounds before
  // multiplying by 25. The Lampiran's formula keeps 9 × 4 × 0.111 = 3.996 → 99.90; we follow it.
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

describe('intervalBand: the "nilai interval" table (1–4)', () => {
  test.each([
    [1, 'D'],
    [2.5996, 'D'],
    [2.5999, 'D'],
    [2.6, 'C'],
    [3.064, 'C'],
    [3.0643, 'C'],
    [3.0644, 'B'],
    [3.532, 'B'],
    [3.5323, 'B'],
    [3.5324, 'A'],
    [4, 'A'],
  ])('%d is %s', (value, grade) => {
    expect(intervalBand(value).grade).toBe(grade);
  });

  test('the two tables agree: nilai interval × 25 falls in the same band as the index', () => {
    for (const value of [2.5996, 2.6, 3.064, 3.0644, 3.532, 3.5324]) {
      expect(intervalBand(value).grade).toBe(ikmBand(value * 25).grade);
    }
  });
});

describe('ikmFigures: the SKM table of a period', () => {
  // No published SKM report with per-element NRR could be retrieved while this was written;
  // this example is recomputed by hand with the Lampiran's own formula (PermenPANRB 14/2017):
  // NRR per unsur = total nilai persepsi per unsur / jumlah kuesioner terisi;
  // NRR tertimbang = NRR × 0,111; IKM unit = Σ NRR tertimbang; IKM konversi = IKM unit × 25.
  // Four questionnaires (tests/fixtures/report/seed.ts RATINGS):
  //   totals U1…U9 = 14, 12, 11, 16, 13, 15, 16, 12, 10
  //   NRR          = 3,50  3,00  2,75  4,00  3,25  3,75  4,00  3,00  2,50
  //   tertimbang   = 0,3885 0,333 0,30525 0,444 0,36075 0,41625 0,444 0,333 0,2775
  //   Σ = 3,30225 (B: 3,0644–3,532); × 25 = 82,55625 → 82,56 (B: 76,61–88,30, "Baik").
  const figures = ikmFigures(
    elementMeans(RATINGS.map((rating) => rating.answers)),
    RATINGS.length,
  )!;

  test('NRR, NRR × 0.111 and the element bands', () => {
    expect(figures.elements.map((e) => e.nrr)).toEqual([3.5, 3, 2.75, 4, 3.25, 3.75, 4, 3, 2.5]);
    expect(figures.elements.map((e) => Number(e.weighted.toFixed(5)))).toEqual([
      0.3885, 0.333, 0.30525, 0.444, 0.36075, 0.41625, 0.444, 0.333, 0.2775,
    ]);
    expect(figures.elements.map((e) => e.band.grade).join('')).toBe('BCCABAACD');
    expect(figures.elements[8].converted).toBe(62.5);
  });

  test('the unit: 3.30225, 82.56, B (Baik), four respondents', () => {
    expect(figures.interval).toBeCloseTo(3.30225, 10);
    expect(figures.index).toBe(82.56);
    expect(figures.band).toMatchObject({ grade: 'B', label: 'Baik' });
    expect(intervalBand(figures.interval).grade).toBe('B');
    expect(figures.respondents).toBe(4);
  });

  test('equal to ikmIndex of the same means (what /api/ikm answers)', () => {
    expect(figures.index).toBe(ikmIndex(figures.elements.map((e) => e.nrr)));
  });

  test('prioritas perbaikan: the three lowest, ties with the third kept, lowest first', () => {
    expect(figures.priorities.map((e) => e.code)).toEqual(['U9', 'U3', 'U2', 'U8']);
  });

  test('no ratings: no figures', () => {
    expect(ikmFigures(elementMeans([]), 0)).toBeNull();
  });
});
