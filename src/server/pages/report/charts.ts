/**
 * The report's charts as SVG drawn on the server by Observable Plot, with linkedom as its
 * document: no chart script reaches the browser. Each SVG carries a <title> and a <desc>
 * (role="img"), and the page puts the same numbers in a table beside it. Plot's own <style>
 * is taken out (the Content-Security-Policy allows no inline style); the workspace's
 * stylesheet sizes the charts.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export interface ChartText {
  /** Unique on the page: the ids of the title and the description. */
  id: string;
  title: string;
  description: string;
}

const WIDTH = 640;
const HEIGHT = 280;

function svgOf(plot: (document: Document) => Element, text: ChartText): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = plot(document as unknown as Document);
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  for (const styled of [svg, ...svg.querySelectorAll('[style]')]) styled.removeAttribute('style');
  // The picture is one image named by its title and description; Plot's labels on its groups
  // are not allowed inside role="img" (axe: aria-prohibited-attr), and the table says it all.
  for (const labelled of [svg, ...svg.querySelectorAll('[aria-label], [aria-description]')]) {
    labelled.removeAttribute('aria-label');
    labelled.removeAttribute('aria-description');
  }
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.setAttribute('id', `${text.id}-judul`);
  title.textContent = text.title;
  const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  desc.setAttribute('id', `${text.id}-uraian`);
  desc.textContent = text.description;
  svg.prepend(title, desc);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${text.id}-judul ${text.id}-uraian`);
  svg.setAttribute('class', 'chart');
  return svg.outerHTML;
}

/** Bars per month, one bar per series in each month (e.g. received and closed). */
export function monthlyBarsSvg(
  rows: readonly { month: string; series: string; value: number }[],
  text: ChartText,
): string {
  return svgOf(
    (document) =>
      Plot.plot({
        document,
        width: WIDTH,
        height: HEIGHT,
        marginBottom: 40,
        marginTop: 36,
        // In calendar order, not sorted by name ("Oktober" after "November").
        fx: {
          label: null,
          type: 'band',
          axis: 'top',
          domain: [...new Set(rows.map((r) => r.month))],
        },
        // The series under each bar in words, so the colours need no legend.
        x: { label: null, type: 'band' },
        y: { label: 'Jumlah', grid: true },
        color: { legend: false, range: ['#1f5fa8', '#7aa6d8'] },
        marks: [
          Plot.barY(rows, { fx: 'month', x: 'series', y: 'value', fill: 'series' }),
          Plot.text(rows, {
            fx: 'month',
            x: 'series',
            y: 'value',
            text: (d: { value: number }) => String(d.value),
            dy: -6,
          }),
          Plot.ruleY([0]),
        ],
      }) as unknown as Element,
    text,
  );
}

/** Horizontal bars of labelled values (the IKM per element, the wait distribution). */
export function labelledBarsSvg(
  rows: readonly { label: string; value: number }[],
  text: ChartText,
  options: { domain?: [number, number]; axisLabel: string; format?: (value: number) => string },
): string {
  const format = options.format ?? String;
  // Bars start at the scale's start (1 for the NRR), not at 0 outside it.
  const base = options.domain?.[0] ?? 0;
  return svgOf(
    (document) =>
      Plot.plot({
        document,
        width: WIDTH,
        height: Math.max(120, 32 * rows.length + 50),
        marginLeft: 140,
        marginRight: 40,
        x: { label: options.axisLabel, domain: options.domain, grid: true },
        y: { label: null, type: 'band', domain: rows.map((row) => row.label) },
        marks: [
          Plot.barX(rows, { y: 'label', x1: () => base, x2: 'value', fill: '#1f5fa8' }),
          Plot.text(rows, {
            y: 'label',
            x: 'value',
            text: (d: { value: number }) => format(d.value),
            dx: 6,
            textAnchor: 'start',
          }),
          Plot.ruleX([base]),
        ],
      }) as unknown as Element,
    text,
  );
}
