import { IKM_BANDS } from '../../lib/ikm.ts';
import { formatDate } from '../../lib/working-days.ts';
import type { PublicFigures } from '../domain/report.ts';
import { PageShell, type PageLook } from './PageShell.tsx';
import { renderPage } from './render.ts';

export interface PerformancePeriod {
  /** "Semester I 2026", "Tahun 2026 sampai hari ini". */
  heading: string;
  figures: PublicFigures;
}

interface Props {
  look: PageLook;
  periods: readonly PerformancePeriod[];
  /** When the figures were computed, for people ("Senin, 7 Desember 2026 pukul 10.00 WIB"). */
  computedAt: string;
}

const scores = new Intl.NumberFormat('id-ID', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percents = new Intl.NumberFormat('id-ID', {
  style: 'percent',
  maximumFractionDigits: 1,
});

function Share({ share, part, whole }: { share: number | null; part: number; whole: number }) {
  if (share === null) return <>belum ada data</>;
  return (
    <>
      <strong>{percents.format(share)}</strong> ({part} dari {whole})
    </>
  );
}

function PeriodFigures({ heading, figures }: PerformancePeriod) {
  const { ikm, online, walkIn, complaints, period } = figures;
  return (
    <section class="performance-period" aria-labelledby={`periode-${period.from}`}>
      <h2 id={`periode-${period.from}`}>{heading}</h2>
      <p class="muted">
        {formatDate(period.from)} sampai {formatDate(period.to)}
      </p>
      <dl class="facts">
        <dt>Indeks Kepuasan Masyarakat (IKM)</dt>
        <dd>
          {ikm.index === null ? (
            'belum ada penilaian'
          ) : (
            <>
              <strong>{scores.format(ikm.index)}</strong> dari 100, mutu {ikm.grade} ({ikm.label}
              ), dari {ikm.respondents} penilaian
            </>
          )}
        </dd>
        <dt>Permintaan online dijawab dalam {online.workingDays} hari kerja</dt>
        <dd>
          <Share share={online.share} part={online.onTime} whole={online.onTime + online.late} />
        </dd>
        {walkIn ? (
          <>
            <dt>Pengunjung dilayani dalam {walkIn.minutes} menit</dt>
            <dd>
              <Share share={walkIn.share} part={walkIn.within} whole={walkIn.served} />
            </dd>
          </>
        ) : null}
        <dt>Pengaduan</dt>
        <dd>
          {complaints.received} diterima, {complaints.closed} selesai
        </dd>
      </dl>
    </section>
  );
}

/**
 * /kinerja/: what the office publishes of its performance: the IKM (PermenPANRB 14/2017), how
 * often the standard's time limits were kept, and the complaints. Counts and shares only,
 * drawn by the server, no script.
 */
export function PerformancePage({ look, periods, computedAt }: Props) {
  return (
    <PageShell title="Kinerja pelayanan" look={look} indexable>
      <h1>Kinerja pelayanan</h1>
      <p>
        Angka di halaman ini dihitung dari data layanan {look.office.shortName}: penilaian yang
        dikirim pengguna, permintaan online, kunjungan langsung dan pengaduan. Tidak ada data
        pribadi yang ditampilkan.
      </p>
      {periods.map((period) => (
        <PeriodFigures key={period.heading} {...period} />
      ))}
      <h2>Cara membaca IKM</h2>
      <p>
        IKM dihitung menurut PermenPANRB Nomor 14 Tahun 2017 dari sembilan unsur pelayanan, dengan
        skala 25 sampai 100:
      </p>
      <ul>
        {IKM_BANDS.map((band) => (
          <li key={band.grade}>
            {band.grade} ({band.label}): {scores.format(band.from)} sampai {scores.format(band.to)}
          </li>
        ))}
      </ul>
      <p class="muted">
        Dihitung {computedAt}. Diperbarui paling lama setiap jam. Untuk pengembang aplikasi: angka
        yang sama tersedia di <a href="/api/kinerja">/api/kinerja</a>.
      </p>
      <p>
        <a href={`${look.siteOrigin}/penilaian/`}>Beri penilaian atas layanan kami</a>
      </p>
    </PageShell>
  );
}

export function renderPerformancePage(props: Props): string {
  return renderPage(<PerformancePage {...props} />);
}
