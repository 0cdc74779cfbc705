/**
 * A report as sections of tables: the one shape the page, the CSV and the workbook are drawn
 * from, so the three never differ. Cells keep their type (a count, a share 0–1, a date), and
 * each output formats it its own way: "85,0%" on the page, 0.85 with a percent format in Excel.
 */
import { CATEGORY_LABELS, type Category } from '../../schemas/complaint.ts';
import { CHANNEL_LABELS, type Channel } from '../../schemas/consultation.ts';
import { IKM_ELEMENTS } from '../../lib/ikm.ts';
import type { Loket } from '../../content-schemas/loket.ts';
import { FORMS } from '../../lib/forms.ts';
import { STAFF_STATUS_LABELS } from './lifecycle.ts';
import type { Report } from './report.ts';
import type { RequestStatus } from '../storage/store.ts';

export type CellKind = 'text' | 'count' | 'decimal' | 'share' | 'date';

/** A value and how it is read; null is an empty cell ("—" on the page). */
export type Cell = string | number | null;

export interface ReportTable {
  title: string;
  columns: readonly { label: string; kind: CellKind }[];
  rows: readonly (readonly Cell[])[];
}

export type SectionId =
  'permintaan' | 'datang-langsung' | 'ikm' | 'pengaduan' | 'swalayan' | 'petugas';

export interface ReportSection {
  id: SectionId;
  /** Also the workbook's sheet name: 31 characters at most, no []:*?/\ (Excel's rule). */
  title: string;
  tables: ReportTable[];
}

const figure = (label: string, kind: CellKind = 'count') =>
  [
    { label: 'Ukuran', kind: 'text' as const },
    { label, kind },
  ] as const;

/** A table of counts by one key (a month, a status, a category…): the report's commonest shape. */
function countsBy(
  title: string,
  keyLabel: string,
  countLabel: string,
  rows: (readonly [Cell, number])[],
  keyKind: 'text' | 'date' = 'text',
): ReportTable {
  return {
    title,
    columns: [
      { label: keyLabel, kind: keyKind },
      { label: countLabel, kind: 'count' },
    ],
    rows,
  };
}

const RATING_CHANNELS: Record<string, string> = {
  online: 'Online',
  datang_langsung: 'Datang langsung',
  tidak_diketahui: 'Tidak diketahui',
};

function kindLabel(kind: string): string {
  return kind === 'konsultasi' ? FORMS.konsultasi.label : FORMS.pengaduan.label;
}

export function reportSections(
  report: Report,
  context: {
    loket: Loket | null | undefined;
    limits: { onlineWorkingDays: number; walkInMinutes: number };
    targets: { firstResponseWorkingDays: number; closeWorkingDays: number };
  },
): ReportSection[] {
  const { requests, complaints, walkIn, ikm, selfService, officers } = report;
  const { limits, targets } = context;
  const sections: ReportSection[] = [];

  sections.push({
    id: 'permintaan',
    title: 'Permintaan online',
    tables: [
      {
        title: 'Ringkasan permintaan',
        columns: figure('Nilai', 'decimal'),
        rows: [
          ['Permintaan diterima', requests.received],
          ['Permintaan selesai dalam periode', requests.closed],
          ['Ditutup petugas', requests.closedByStaff],
          ['Ditutup otomatis (tidak ada tanggapan)', requests.closedAutomatically],
          ['Pertemuan lanjutan terlaksana', requests.meetingsHeld],
          ['Hari kerja sampai balasan pertama: median', requests.firstReply.median],
          ['Hari kerja sampai balasan pertama: persentil ke-90', requests.firstReply.p90],
          [`Dijawab dalam ${limits.onlineWorkingDays} hari kerja`, requests.onTime],
          ['Dijawab terlambat atau melewati batas', requests.late],
          ['Tidak dihitung (menunggu kelengkapan atau konfirmasi email)', requests.notCounted],
        ],
      },
      {
        title: `Persentase dijawab dalam ${limits.onlineWorkingDays} hari kerja`,
        columns: figure('Persentase', 'share'),
        rows: [['Konsultasi online', requests.withinLimit]],
      },
      {
        title: 'Permintaan per bulan',
        columns: [
          { label: 'Bulan', kind: 'text' },
          { label: 'Diterima', kind: 'count' },
          { label: 'Selesai', kind: 'count' },
        ],
        rows: requests.months.map((m) => [monthLabel(m.month), m.received, m.closed]),
      },
      countsBy(
        'Menurut jenis',
        'Jenis',
        'Jumlah',
        requests.byKind.map((c) => [kindLabel(c.key), c.count]),
      ),
      countsBy(
        'Konsultasi menurut tindak lanjut yang dipilih',
        'Tindak lanjut',
        'Jumlah',
        requests.byChannel.map((c) => [
          CHANNEL_LABELS[c.key as Channel] ?? 'Tidak diketahui',
          c.count,
        ]),
      ),
      countsBy(
        'Menurut status saat ini',
        'Status',
        'Jumlah',
        requests.byStatus.map((c) => [STAFF_STATUS_LABELS[c.key as RequestStatus], c.count]),
      ),
      {
        title: 'Permintaan melewati batas waktu',
        columns: [
          { label: 'Nomor', kind: 'text' },
          { label: 'Batas waktu', kind: 'date' },
          { label: 'Terlambat (hari kerja)', kind: 'count' },
        ],
        rows: requests.overdue.map((o) => [o.reference, o.dueDate, o.workingDaysLate]),
      },
    ],
  });

  if (walkIn) {
    const desks = context.loket?.desks ?? [];
    const services = context.loket?.services ?? [];
    sections.push({
      id: 'datang-langsung',
      title: 'Datang langsung',
      tables: [
        {
          title: 'Ringkasan kunjungan',
          columns: figure('Nilai', 'decimal'),
          rows: [
            ['Pengunjung', walkIn.visitors],
            ['Dilayani', walkIn.served],
            ['Tidak hadir saat dipanggil', walkIn.noShows],
            ['Lama menunggu: median (menit)', walkIn.waitMedian],
            ['Lama menunggu: persentil ke-90 (menit)', walkIn.waitP90],
            [`Dilayani dalam ${limits.walkInMinutes} menit`, walkIn.within],
          ],
        },
        {
          title: `Persentase dilayani dalam ${limits.walkInMinutes} menit`,
          columns: [
            { label: 'Meja', kind: 'text' },
            { label: 'Dilayani', kind: 'count' },
            { label: `Dalam ${limits.walkInMinutes} menit`, kind: 'count' },
            { label: 'Persentase', kind: 'share' },
          ],
          rows: [
            ['Semua meja', walkIn.served, walkIn.within, walkIn.withinShare],
            ...walkIn.perDesk.map((d) => [
              desks.find((desk) => desk.id === d.key)?.name ?? d.key,
              d.served,
              d.within,
              d.share,
            ]),
          ],
        },
        countsBy(
          'Sebaran lama menunggu',
          'Lama menunggu',
          'Pengunjung',
          walkIn.distribution.map((b) => [b.label, b.count]),
        ),
        countsBy(
          'Pengunjung per bulan',
          'Bulan',
          'Pengunjung',
          walkIn.perMonth.map((m) => [monthLabel(m.month), m.count]),
        ),
        countsBy(
          'Pengunjung menurut keperluan',
          'Keperluan',
          'Pengunjung',
          walkIn.perService.map((c) => [
            services.find((s) => s.id === c.key)?.name ?? c.key,
            c.count,
          ]),
        ),
        countsBy(
          'Pengunjung per hari',
          'Tanggal',
          'Pengunjung',
          walkIn.perDay.map((c) => [c.key, c.count]),
          'date',
        ),
      ],
    });
  }

  const current = ikm.current;
  sections.push({
    id: 'ikm',
    title: 'Indeks Kepuasan Masyarakat',
    tables: [
      {
        title: 'Ringkasan IKM',
        // Numbers where the value is one, words where it is a band or a list.
        columns: figure('Nilai', 'decimal'),
        rows: [
          ['Responden', current?.respondents ?? 0],
          ['Nilai interval (Σ NRR tertimbang)', current ? round(current.interval, 4) : null],
          ['IKM (nilai interval konversi)', current?.index ?? null],
          ['Mutu pelayanan', current ? `${current.band.grade} (${current.band.label})` : null],
          [
            `IKM periode sebelumnya (${ikm.previousPeriod.from} s.d. ${ikm.previousPeriod.to})`,
            ikm.previousIndex,
          ],
          ['Perubahan dari periode sebelumnya', ikm.change],
          [
            'Prioritas perbaikan',
            current ? current.priorities.map((e) => `${e.code} ${e.name}`).join('; ') : null,
          ],
        ],
      },
      {
        title: 'Nilai per unsur pelayanan',
        columns: [
          { label: 'Unsur', kind: 'text' },
          { label: 'Nama unsur', kind: 'text' },
          { label: 'NRR', kind: 'decimal' },
          { label: 'NRR × 0,111', kind: 'decimal' },
          { label: 'Nilai konversi (NRR × 25)', kind: 'decimal' },
          { label: 'Mutu unsur', kind: 'text' },
        ],
        rows: current
          ? current.elements.map((e) => [
              e.code,
              e.name,
              round(e.nrr, 2),
              round(e.weighted, 4),
              round(e.converted, 2),
              `${e.band.grade} (${e.band.label})`,
            ])
          : IKM_ELEMENTS.map((e) => [e.code, e.name, null, null, null, null]),
      },
      countsBy(
        'Responden menurut cara pelayanan',
        'Cara pelayanan',
        'Responden',
        ikm.byChannel.map((c) => [RATING_CHANNELS[c.key] ?? c.key, c.count]),
      ),
    ],
  });

  sections.push({
    id: 'pengaduan',
    title: 'Pengaduan',
    tables: [
      {
        title: 'Ringkasan pengaduan',
        columns: figure('Nilai', 'decimal'),
        rows: [
          ['Pengaduan diterima', complaints.received],
          ['Pengaduan selesai dalam periode', complaints.closed],
          ['Masih terbuka', complaints.open.length],
          ['Hari kerja sampai tanggapan pertama: median', complaints.firstResponse.median],
          ['Hari kerja sampai selesai: median', complaints.closing.median],
        ],
      },
      {
        title: 'Ketepatan waktu penanganan pengaduan',
        columns: [
          { label: 'Tahap', kind: 'text' },
          { label: 'Target (hari kerja)', kind: 'count' },
          { label: 'Diukur', kind: 'count' },
          { label: 'Dalam target', kind: 'count' },
          { label: 'Persentase', kind: 'share' },
        ],
        rows: [
          [
            'Tanggapan pertama',
            targets.firstResponseWorkingDays,
            complaints.firstResponse.measured,
            complaints.firstResponse.withinTarget,
            complaints.firstResponse.share,
          ],
          [
            'Selesai',
            targets.closeWorkingDays,
            complaints.closing.measured,
            complaints.closing.withinTarget,
            complaints.closing.share,
          ],
        ],
      },
      countsBy(
        'Pengaduan menurut kategori',
        'Kategori',
        'Jumlah',
        complaints.byCategory.map((c) => [CATEGORY_LABELS[c.key as Category] ?? c.key, c.count]),
      ),
      countsBy(
        'Pengaduan yang masih terbuka',
        'Nomor',
        'Terbuka (hari kerja)',
        complaints.open.map((o) => [o.reference, o.workingDaysOpen]),
      ),
    ],
  });

  sections.push({
    id: 'swalayan',
    title: 'Layanan mandiri',
    tables: [
      {
        title: 'Ringkasan layanan mandiri',
        columns: figure('Jumlah'),
        rows: [
          [
            'Jawaban usulan yang menjawab pertanyaan (permintaan tidak perlu dikirim)',
            selfService.answeredQuestions,
          ],
          ['Pencarian di situs', selfService.searches],
          ['Kata pencarian tanpa hasil lengkap', selfService.unanswered.length],
        ],
      },
      {
        title: 'Umpan balik halaman',
        columns: [
          { label: 'Halaman', kind: 'text' },
          { label: 'Membantu', kind: 'count' },
          { label: 'Tidak membantu', kind: 'count' },
          { label: 'Menjawab pertanyaan', kind: 'count' },
        ],
        rows: selfService.feedback.map((f) => [
          f.page,
          f.helpful,
          f.notHelpful,
          f.answeredQuestions,
        ]),
      },
      {
        title: 'Pencarian yang tidak menemukan jawaban',
        columns: [
          { label: 'Kata pencarian', kind: 'text' },
          { label: 'Pencarian', kind: 'count' },
          { label: 'Tanpa hasil', kind: 'count' },
          { label: 'Hasil sebagian', kind: 'count' },
        ],
        rows: selfService.unanswered.map((s) => [s.query, s.searches, s.empty, s.partial]),
      },
    ],
  });

  if (officers) {
    sections.push({
      id: 'petugas',
      title: 'Petugas',
      tables: [
        {
          title: 'Kinerja per petugas',
          columns: [
            { label: 'Petugas', kind: 'text' },
            { label: 'Permintaan ditangani', kind: 'count' },
            { label: 'Pengunjung dilayani', kind: 'count' },
            { label: `Dalam ${limits.walkInMinutes} menit`, kind: 'count' },
          ],
          rows: officers.map((o) => [o.name, o.requestsAnswered, o.visitsServed, o.visitsWithin]),
        },
      ],
    });
  }
  return sections;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** "2026-11" → "November 2026". */
export function monthLabel(month: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}
