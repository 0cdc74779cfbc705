/**
 * The median and the 90th percentile the reports give for times (working days to a reply,
 * minutes of wait). Nearest-rank method: the value is always one that was measured, so
 * "90% of requests were answered within 2 working days" reads true of the data.
 */

/** The p-th percentile (0 < p ≤ 100) by nearest rank; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/** part / whole as 0–1; null when there is nothing to divide (an empty period). */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
