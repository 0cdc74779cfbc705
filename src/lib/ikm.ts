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
  /** The band's "nilai interval" (the weighted mean, 1–4), as published. */
  intervalFrom: number;
  intervalTo: number;
}

/**
 * PermenPANRB 14/2017 Lampiran, "nilai interval konversi": D 25.00–64.99 Tidak baik,
 * C 65.00–76.60 Kurang baik, B 76.61–88.30 Baik, A 88.31–100.00 Sangat baik; and "nilai
 * interval": D 1.00–2.5996, C 2.60–3.064, B 3.0644–3.532, A 3.5324–4.00. Best first.
 */
export const IKM_BANDS: readonly IkmBand[] = [
  { grade: 'A', label: 'Sangat baik', from: 88.31, to: 100, intervalFrom: 3.5324, intervalTo: 4 },
  { grade: 'B', label: 'Baik', from: 76.61, to: 88.3, intervalFrom: 3.0644, intervalTo: 3.532 },
  { grade: 'C', label: 'Kurang baik', from: 65, to: 76.6, intervalFrom: 2.6, intervalTo: 3.064 },
  { grade: 'D', label: 'Tidak baik', from: 25, to: 64.99, intervalFrom: 1, intervalTo: 2.5996 },
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

/**
 * The band of a "nilai interval" (a mean on the 1–4 scale: the weighted sum of the unit, or
 * one element's NRR). Compared in ten-thousandths, the precision of the published bounds; a
 * value in the regulation's gaps (2.5996–2.60, 3.064–3.0644) falls to the lower band.
 */
export function intervalBand(value: number): IkmBand {
  const units = Math.round(value * 10_000);
  return (
    IKM_BANDS.find((band) => units >= Math.round(band.intervalFrom * 10_000)) ??
    IKM_BANDS[IKM_BANDS.length - 1]
  );
}

/** The answers of one rating, U1…U9, each 1–4. */
export type IkmAnswers = readonly number[];

/** The mean answer (NRR, "nilai rata-rata") of each element over the ratings. */
export function elementMeans(ratings: readonly IkmAnswers[]): number[] {
  return IKM_ELEMENTS.map((_, i) =>
    ratings.length === 0
      ? 0
      : ratings.reduce((sum, answers) => sum + answers[i], 0) / ratings.length,
  );
}

export interface IkmElementFigure {
  code: string;
  name: string;
  /** NRR: the mean answer, 1–4, unrounded. */
  nrr: number;
  /** NRR tertimbang: NRR × 0.111. */
  weighted: number;
  /** The element's value on the 25–100 scale (NRR × 25), as SKM reports print per element. */
  converted: number;
  /** The element's quality (mutu unsur) from its NRR and the "nilai interval" bands. */
  band: IkmBand;
}

export interface IkmFigures {
  respondents: number;
  elements: IkmElementFigure[];
  /** Σ NRR tertimbang: the unit's "nilai interval", 1–4. */
  interval: number;
  /** The IKM on the 25–100 scale, two decimals; equal to ikmIndex(means) (and /api/ikm). */
  index: number;
  band: IkmBand;
  /** The lowest elements: the SKM report's "prioritas perbaikan", lowest first. */
  priorities: IkmElementFigure[];
}

// SKM reports name the three lowest elements for improvement; ties with the third are kept,
// so two equally low elements are never split by their order in the questionnaire.
const PRIORITIES = 3;

/** The SKM table of a period from the element means and the number of ratings; null with none. */
export function ikmFigures(means: readonly number[], respondents: number): IkmFigures | null {
  if (respondents === 0) return null;
  const index = ikmIndex(means);
  const elements = IKM_ELEMENTS.map((element, i) => ({
    code: element.code,
    name: element.name,
    nrr: means[i],
    weighted: means[i] * ELEMENT_WEIGHT,
    converted: means[i] * SCALE,
    band: intervalBand(means[i]),
  }));
  const interval = elements.reduce((sum, element) => sum + element.weighted, 0);
  const sorted = [...elements].sort((a, b) => a.nrr - b.nrr);
  const cut = sorted[Math.min(PRIORITIES, sorted.length) - 1].nrr;
  return {
    respondents,
    elements,
    interval,
    index,
    band: ikmBand(index),
    priorities: sorted.filter((element) => element.nrr <= cut),
  };
}
