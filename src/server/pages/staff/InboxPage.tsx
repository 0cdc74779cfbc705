import { FORMS } from '../../../lib/forms.ts';
import type { Sla } from '../../../lib/sla.ts';
import { formatDate } from '../../../lib/working-days.ts';
import { CATEGORY_LABELS, type Category } from '../../../schemas/complaint.ts';
import { CHANNEL_LABELS, CHANNELS } from '../../../schemas/consultation.ts';
import { STAFF_STATUS_LABELS, STATUSES } from '../../domain/lifecycle.ts';
import { DEFAULT_QUERY, inboxSearch, type InboxQuery } from '../../routes/workspace/inbox-query.ts';
import type { RequestStatus, StoredRequest } from '../../storage/store.ts';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { SlaBadge } from './SlaBadge.tsx';
import { WorkspaceShell, type Signed } from './WorkspaceShell.tsx';

export interface InboxRow {
  request: StoredRequest;
  sla: Sla;
  /** The assigned officer's name. */
  assignee: string | null;
}

interface Props {
  look: PageLook;
  signed: Signed;
  query: InboxQuery;
  counts: Record<RequestStatus, number>;
  rows: readonly InboxRow[];
  total: number;
  pages: number;
  /** The export form's default period. */
  exportPeriod: { from: string; to: string };
  upcoming: readonly UpcomingMeeting[];
}

/** The citizen wrote since the officer last did. */
const newReply = (request: StoredRequest) =>
  request.lastCitizenMessageAt !== null &&
  request.lastCitizenMessageAt > (request.lastStaffMessageAt ?? '');

export interface UpcomingMeeting {
  reference: string;
  label: string;
  day: 'hari ini' | 'besok';
}

function Upcoming({ meetings }: { meetings: readonly UpcomingMeeting[] }) {
  if (meetings.length === 0) return null;
  return (
    <section aria-labelledby="pertemuan-dekat" class="notice">
      <h2 id="pertemuan-dekat">Pertemuan hari ini dan besok</h2>
      <ul>
        {meetings.map((meeting) => (
          <li key={`${meeting.reference}-${meeting.label}`}>
            <a href={`/petugas/permintaan/${meeting.reference}/`}>{meeting.reference}</a>:{' '}
            {meeting.day}, {meeting.label}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the row is about: the consultation's topic, or the complaint's category. */
function subject(request: StoredRequest): string {
  if (request.erasedAt) return 'Data pribadi telah dihapus';
  if (request.kind === 'konsultasi') return request.topic ?? '';
  return CATEGORY_LABELS[request.category as Category] ?? request.category ?? '';
}

function Filters({ query }: { query: InboxQuery }) {
  return (
    <form
      method="get"
      action="/petugas/"
      class="filters"
      role="search"
      aria-label="Saring permintaan"
    >
      <div class="filter-grid">
        <div class="field">
          <label for="saring-status">Status</label>
          <select id="saring-status" name="status">
            <option value="terbuka" selected={query.status === 'terbuka'}>
              Belum selesai
            </option>
            {STATUSES.map((status) => (
              <option value={status} selected={query.status === status} key={status}>
                {STAFF_STATUS_LABELS[status]}
              </option>
            ))}
            <option value="semua" selected={query.status === 'semua'}>
              Semua
            </option>
          </select>
        </div>
        <div class="field">
          <label for="saring-jenis">Jenis</label>
          <select id="saring-jenis" name="jenis">
            <option value="">Semua jenis</option>
            <option value="konsultasi" selected={query.jenis === 'konsultasi'}>
              {FORMS.konsultasi.label}
            </option>
            <option value="pengaduan" selected={query.jenis === 'pengaduan'}>
              {FORMS.pengaduan.label}
            </option>
          </select>
        </div>
        <div class="field">
          <label for="saring-tindak-lanjut">Tindak lanjut</label>
          <select id="saring-tindak-lanjut" name="tindak_lanjut">
            <option value="">Semua tindak lanjut</option>
            {CHANNELS.map((channel) => (
              <option value={channel} selected={query.tindak_lanjut === channel} key={channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="saring-cari">Cari</label>
          <p class="hint" id="saring-cari-hint">
            Nomor permintaan, nama, email, atau kata dalam pertanyaan
          </p>
          <input
            id="saring-cari"
            name="cari"
            type="search"
            value={query.cari}
            maxLength={100}
            aria-describedby="saring-cari-hint"
          />
        </div>
      </div>
      <div class="choices choices-inline">
        {(
          [
            ['milik_saya', 'Ditugaskan kepada saya', query.milik_saya],
            ['terlambat', 'Terlambat saja', query.terlambat],
            ['spam', 'Spam saja', query.spam],
          ] as const
        ).map(([name, label, checked]) => (
          <div class="choice" key={name}>
            <input type="checkbox" id={`saring-${name}`} name={name} value="1" checked={checked} />
            <label for={`saring-${name}`}>{label}</label>
          </div>
        ))}
      </div>
      <div class="actions">
        <button type="submit">Terapkan</button>
        <a href="/petugas/">Hapus saringan</a>
      </div>
    </form>
  );
}

function Row({ row }: { row: InboxRow }) {
  const { request, sla, assignee } = row;
  const href = `/petugas/permintaan/${request.reference}/`;
  return (
    <li class="inbox-row">
      <p class="row-head">
        <a href={href}>
          <span class="reference-inline">{request.reference}</span>
          <span class="visually-hidden">: </span>
          <span class="row-subject">{subject(request) || FORMS[request.kind].label}</span>
        </a>
      </p>
      <p class="row-badges">
        <span class={`badge status-${request.status}`}>{STAFF_STATUS_LABELS[request.status]}</span>{' '}
        <SlaBadge sla={sla} />
        {newReply(request) ? <span class="badge badge-new">Ada balasan baru</span> : null}
        {request.spam ? <span class="badge badge-spam">Spam</span> : null}
      </p>
      <p class="row-meta muted">
        {FORMS[request.kind].label} · {request.erasedAt ? '–' : (request.name ?? 'Tanpa nama')} ·
        batas {formatDate(request.dueDate)} ·{' '}
        {assignee ? `ditangani ${assignee}` : 'belum ditugaskan'}
      </p>
    </li>
  );
}

export function InboxPage({
  look,
  signed,
  query,
  counts,
  rows,
  total,
  pages,
  exportPeriod,
  upcoming,
}: Props) {
  const filtered = inboxSearch({ ...query, halaman: 1 }) !== '';
  return (
    <WorkspaceShell title="Kotak masuk" look={look} signed={signed} section="kotak-masuk">
      <h1>Kotak masuk</h1>
      <ul class="status-counts" aria-label="Jumlah permintaan per status">
        {STATUSES.map((status) => (
          <li key={status}>
            <a href={`/petugas/${inboxSearch({ ...DEFAULT_QUERY, status })}`}>
              <span class="count">{counts[status]}</span> {STAFF_STATUS_LABELS[status]}
            </a>
          </li>
        ))}
      </ul>
      <Upcoming meetings={upcoming} />
      <Filters query={query} />
      <h2 id="daftar">
        {total} permintaan{filtered ? ' sesuai saringan' : ' belum selesai'}
        {pages > 1 ? `, halaman ${query.halaman} dari ${pages}` : ''}
      </h2>
      {rows.length === 0 ? (
        <p>
          Tidak ada permintaan{filtered ? ' yang sesuai dengan saringan ini' : ' yang menunggu'}.
        </p>
      ) : (
        <ol class="inbox" aria-labelledby="daftar">
          {rows.map((row) => (
            <Row row={row} key={row.request.reference} />
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav class="pagination" aria-label="Halaman daftar">
          <ul>
            {query.halaman > 1 ? (
              <li>
                <a href={`/petugas/${inboxSearch(query, query.halaman - 1)}`} rel="prev">
                  Sebelumnya
                </a>
              </li>
            ) : null}
            <li aria-current="page">
              Halaman {query.halaman} dari {pages}
            </li>
            {query.halaman < pages ? (
              <li>
                <a href={`/petugas/${inboxSearch(query, query.halaman + 1)}`} rel="next">
                  Berikutnya
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <section aria-labelledby="unduh">
        <h2 id="unduh">Unduh data permintaan</h2>
        <form method="get" action="/petugas/unduh.csv" class="filters">
          <div class="filter-grid">
            <div class="field">
              <label for="unduh-dari">Diterima dari tanggal</label>
              <input id="unduh-dari" name="dari" type="date" value={exportPeriod.from} required />
            </div>
            <div class="field">
              <label for="unduh-sampai">Sampai tanggal</label>
              <input id="unduh-sampai" name="sampai" type="date" value={exportPeriod.to} required />
            </div>
            <div class="field">
              <label for="unduh-pemisah">Pemisah kolom</label>
              <select id="unduh-pemisah" name="pemisah">
                <option value="titik-koma">Titik koma (Excel berbahasa Indonesia)</option>
                <option value="koma">Koma</option>
              </select>
            </div>
          </div>
          <div class="actions">
            <button type="submit" class="secondary">
              Unduh CSV
            </button>
          </div>
        </form>
      </section>
    </WorkspaceShell>
  );
}

export const renderInboxPage = (props: Props) => renderPage(<InboxPage {...props} />);
