/**
 * Indeks Kepuasan Masyarakat (IKM) per PermenPANRB 14/2017: nine survey elements, each
 * answered 1–4; the index is Σ (mean of element × 0.111) × 25.
 */

/** The nine elements U1…U9 in the order of the regulation. */
export const IKM_ELEMENTS = [
  { code: 'U1', name: 'Persyaratan' },
  { code: 'U2', name: 'Sistem, mekanisme dan prosedur' },
  { code: 'U3', name: 'Waktu penyelesaian' },
  { code: 'U4', name: 'Biaya/tarif' },
  { code: 'U5', name: 'Produk spesifikasi jenis pelayanan' },
  { code: 'U6', name: 'Kompetensi pelaksana' },
  { code: 'U7', name: 'Perilaku pelaksana' },
  { code: 'U8', name: 'Sarana dan prasarana' },
  { code: 'U9', name: 'Penanganan pengaduan, saran dan masukan' },
] as const;

// PermenPANRB 14/2017 Lampiran: each element weighs 1/9, rounded to 0.111 in the regulation.
// So nine perfect answers give 99.9, not 100; that is the official figure.
const ELEMENT_WEIGHT = 0.111;
// Converts the weighted mean (1–4) to the 25–100 scale.
const SCALE = 25;

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

export interface IkmBand {
  grade: IkmGrade;
  /** The regulation's wording of the service quality. */
  label: string;
  /** The band's interval of the index, as published. */
  from: number;
  to: number;
}

/**
 * PermenPANRB 14/2017 Lampiran, "nilai interval konversi": D 25.00–64.99 Tidak baik,
 * C 65.00–76.60 Kurang baik, B 76.61–88.30 Baik, A 88.31–100.00 Sangat baik. Best first.
 */
export const IKM_BANDS: readonly IkmBand[] = [
  { grade: 'A', label: 'Sangat baik', from: 88.31, to: 100 },
  { grade: 'B', label: 'Baik', from: 76.61, to: 88.3 },
  { grade: 'C', label: 'Kurang baik', from: 65, to: 76.6 },
  { grade: 'D', label: 'Tidak baik', from: 25, to: 64.99 },
];

/** Rounds half up to two decimals, the precision of the published bands. */
export function roundHundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The index from the mean answer of each of the nine elements, rounded to two decimals. */
export function ikmIndex(elementMeans: readonly number[]): number {
  if (elementMeans.length !== IKM_ELEMENTS.length) {
    throw new RangeError(
      `IKM needs ${IKM_ELEMENTS.length} element means, received ${elementMeans.length}`,
    );
  }
  const weighted = elementMeans.reduce((sum, mean) => sum + mean * ELEMENT_WEIGHT, 0);
  return roundHundredths(weighted * SCALE);
}

/** The quality band of an index (values below 25.00 only occur through the 0.111 rounding; they are D). */
export function ikmBand(index: number): IkmBand {
  // Compared in whole hundredths, the precision of the bands, so 88.305 cannot fall between them.
  const hundredths = Math.round(index * 100);
  return (
    IKM_BANDS.find((band) => hundredths >= Math.round(band.from * 100)) ??
    IKM_BANDS[IKM_BANDS.length - 1]
  );
}
