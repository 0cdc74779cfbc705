import type { ComponentChildren } from 'preact';
import { ErrorSummary } from '../../../islands/form-kit/ErrorSummary.tsx';
import { Radios, TextField } from '../../../islands/form-kit/Fields.tsx';
import { FORMS } from '../../../lib/forms.ts';
import type { Sla } from '../../../lib/sla.ts';
import { formatDate, formatJakartaDateTime } from '../../../lib/working-days.ts';
import {
  CATEGORY_LABELS,
  IDENTITY_LABELS,
  type Category,
  type Identity,
} from '../../../schemas/complaint.ts';
import { CHANNEL_LABELS, type Channel } from '../../../schemas/consultation.ts';
import { canChangeStatus, STAFF_STATUS_LABELS, STATUSES } from '../../domain/lifecycle.ts';
import {
  MAX_SLOTS,
  MEETING_MODES,
  MODE_LABELS,
  SLOT_MINUTES,
  slotLabel,
  type SlotInput,
} from '../../../lib/meeting-slots.ts';
import type {
  HistoryEntry,
  Meeting,
  OutboxMail,
  StaffAccount,
  StoredRequest,
} from '../../storage/store.ts';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { ErasureConfirmation } from './ErasurePage.tsx';
import { SlaBadge } from './SlaBadge.tsx';
import { CsrfField, Notice, WorkspaceShell, type Signed } from './WorkspaceShell.tsx';

export const REPLY_MAX = 4000;
export const NOTE_MAX = 1000;

export interface TemplateChoice {
  id: string;
  title: string;
  /** The text it inserts. */
  text: string;
}

/** What happens to the request with the reply. */
export type AfterReply = 'tunggu' | 'lengkapi' | 'tutup';

/** What the officer typed, drawn again after an insert, an error or a conflict. */
export interface RequestDraft {
  message: string;
  template: string;
  after: AfterReply;
  note: string;
  slots: readonly SlotInput[];
}

export const EMPTY_DRAFT: RequestDraft = {
  message: '',
  template: '',
  after: 'tunggu',
  note: '',
  slots: [],
};

export interface RequestPageProps {
  look: PageLook;
  signed: Signed;
  request: StoredRequest;
  history: readonly HistoryEntry[];
  mails: readonly OutboxMail[];
  sla: Sla;
  /** Active officers, for the assignment. */
  officers: readonly StaffAccount[];
  templates: readonly TemplateChoice[];
  draft?: RequestDraft;
  /** Field name → message, for the form that was sent. */
  errors?: Record<string, string>;
  /** What the last action did. */
  notice?: string;
  /** Another officer changed the request since this officer's page was drawn. */
  conflict?: boolean;
  /** A template was just inserted: the reply box takes the focus. */
  inserted?: boolean;
  /** The standard's days after which a request waiting on the citizen closes itself. */
  autoCloseDays: number;
  /** What an erasure would remove, named (ErasurePage.tsx). */
  erasure: readonly string[];
  meetings: readonly Meeting[];
  /** The meeting form's rows that were refused, by row index. */
  slotErrors?: Record<number, string>;
  now: Date;
}

const ignore = () => {};
const when = (iso: string) => formatJakartaDateTime(new Date(iso));
const base = (request: StoredRequest) => `/petugas/permintaan/${request.reference}`;

function Version({ request }: { request: StoredRequest }) {
  return <input type="hidden" name="versi" value={String(request.version)} />;
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="check-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Details({ request }: { request: StoredRequest }) {
  if (request.erasedAt) {
    return (
      <p>
        Data pribadi dan isi permintaan ini telah dihapus pada {when(request.erasedAt)}. Yang
        tersisa hanya nomor, tanggal, dan riwayat statusnya.
      </p>
    );
  }
  const contact = (
    <>
      <Fact label="Nama">{request.name ?? '–'}</Fact>
      <Fact label="Email">
        {request.email ? <a href={`mailto:${request.email}`}>{request.email}</a> : '–'}
      </Fact>
      <Fact label="HP/WhatsApp">{request.phone ?? '–'}</Fact>
    </>
  );
  if (request.kind === 'konsultasi') {
    return (
      <dl class="check-answers">
        {contact}
        <Fact label="Tindak lanjut">
          {CHANNEL_LABELS[request.channel as Channel] ?? request.channel}
        </Fact>
        <Fact label="Topik">{request.topic}</Fact>
        <Fact label="Pertanyaan">
          <p class="message-text">{request.question}</p>
        </Fact>
      </dl>
    );
  }
  const identity = request.identity as Identity;
  return (
    <>
      {identity === 'rahasia' ? (
        <p class="notice notice-warning">
          <strong>Rahasia:</strong> nama dan kontak pelapor hanya untuk membalas pengaduan ini.
          Jangan diteruskan.
        </p>
      ) : null}
      <dl class="check-answers">
        <Fact label="Identitas">{IDENTITY_LABELS[identity] ?? identity}</Fact>
        {identity === 'anonim' ? null : contact}
        <Fact label="Kategori">
          {CATEGORY_LABELS[request.category as Category] ?? request.category}
        </Fact>
        <Fact label="Isi pengaduan">
          <p class="message-text">{request.description}</p>
        </Fact>
        <Fact label="Nomor permintaan terkait">
          {request.relatedReference ? (
            <a href={`/petugas/permintaan/${request.relatedReference}/`}>
              {request.relatedReference}
            </a>
          ) : (
            '–'
          )}
        </Fact>
      </dl>
    </>
  );
}

type ThreadItem = { at: string; order: number } & (
  | { type: 'entry'; entry: HistoryEntry; previous: HistoryEntry | null }
  | { type: 'mail'; mail: OutboxMail }
);

const MAIL_KIND: Record<OutboxMail['purpose'], string> = {
  acknowledgement: 'Tanda terima ke pengguna',
  staff_notice: 'Pemberitahuan ke petugas',
  reply: 'Balasan ke pengguna',
  confirmation: 'Tautan konfirmasi email ke pengguna',
  sign_in: 'Tautan masuk ke pengguna',
  meeting: 'Kabar pertemuan ke pengguna',
  reminder: 'Pengingat ke pengguna',
  closing: 'Pemberitahuan penutupan ke pengguna',
  rating_invitation: 'Undangan penilaian ke pengguna',
};

function mailState(mail: OutboxMail): string {
  if (mail.sentAt) return `terkirim ${when(mail.sentAt)}`;
  if (mail.failedAt) return `gagal dikirim (${mail.lastError ?? 'ditolak server surat'})`;
  return mail.attempts > 0
    ? `belum terkirim, dicoba lagi ${when(mail.nextAttemptAt)} (${mail.attempts} kali gagal)`
    : 'menunggu dikirim';
}

function by(entry: HistoryEntry): string {
  if (entry.actor === 'warga') return 'pengguna';
  if (entry.actor === 'sistem') return 'sistem';
  return entry.staffName ?? 'petugas (API)';
}

function Entry({ entry, previous }: { entry: HistoryEntry; previous: HistoryEntry | null }) {
  const statusChanged = previous !== null && previous.status !== entry.status;
  return (
    <>
      {previous === null ? (
        <p>
          <strong>Permintaan diterima</strong> dari {by(entry)}.
        </p>
      ) : null}
      {entry.message ? (
        <div class="citizen-message">
          <p>
            <strong>Pesan dari pengguna:</strong>
          </p>
          <p class="message-text">{entry.message}</p>
        </div>
      ) : null}
      {entry.reply !== null ? (
        <div class="reply">
          <p>
            <strong>Balasan</strong> oleh {by(entry)}:
          </p>
          <p class="message-text">{entry.reply}</p>
        </div>
      ) : null}
      {entry.note !== null ? (
        <div class={entry.actor === 'petugas' ? 'internal' : undefined}>
          <p>
            <strong>{entry.actor === 'petugas' ? 'Catatan internal' : 'Catatan'}</strong> oleh{' '}
            {by(entry)}
            {entry.actor === 'petugas' ? ' (tidak terlihat oleh pengguna)' : ''}:
          </p>
          <p class="message-text">{entry.note}</p>
        </div>
      ) : null}
      {entry.event ? (
        <p>
          {entry.event} oleh {by(entry)}.
        </p>
      ) : null}
      {statusChanged ? (
        <p>
          Status menjadi <strong>{STAFF_STATUS_LABELS[entry.status]}</strong>
          {entry.reply === null && entry.note === null && !entry.event && !entry.message
            ? ` oleh ${by(entry)}`
            : ''}
          .
        </p>
      ) : null}
    </>
  );
}

function Thread({
  history,
  mails,
}: {
  history: readonly HistoryEntry[];
  mails: readonly OutboxMail[];
}) {
  const items: ThreadItem[] = [
    ...history.map((entry, index): ThreadItem => ({
      type: 'entry',
      at: entry.at,
      order: index,
      entry,
      previous: index === 0 ? null : history[index - 1],
    })),
    ...mails.map((mail, index): ThreadItem => ({
      type: 'mail',
      at: mail.createdAt,
      order: history.length + index,
      mail,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  return (
    <ol class="history thread">
      {items.map((item) => (
        <li
          key={`${item.type}-${item.order}`}
          class={item.type === 'mail' ? 'thread-mail' : undefined}
        >
          <time datetime={item.at}>{when(item.at)}</time>
          {item.type === 'entry' ? (
            <Entry entry={item.entry} previous={item.previous} />
          ) : (
            <p>
              {MAIL_KIND[item.mail.purpose]}: “{item.mail.subject}”, {mailState(item.mail)}.
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function ReplyForm(props: RequestPageProps) {
  const { request, signed, templates, errors = {} } = props;
  const draft = props.draft ?? EMPTY_DRAFT;
  return (
    <form method="post" action={`${base(request)}/balas/`} class="form" id="balas" novalidate>
      <CsrfField signed={signed} />
      <Version request={request} />
      {templates.length > 0 ? (
        <div class="field template-picker">
          <label for="balas-template">Templat balasan</label>
          <p class="hint" id="balas-template-hint">
            Pilih templat lalu tekan “Sisipkan”: teksnya masuk ke kotak balasan dan dapat Anda ubah.
          </p>
          <div class="inline-controls">
            <select id="balas-template" name="template" aria-describedby="balas-template-hint">
              {templates.map((template) => (
                <option
                  value={template.id}
                  selected={draft.template === template.id}
                  key={template.id}
                >
                  {template.title}
                </option>
              ))}
            </select>
            <button type="submit" name="aksi" value="sisipkan" class="secondary" formnovalidate>
              Sisipkan
            </button>
          </div>
          <p class="visually-hidden" id="templat-status" role="status" />
          {templates.map((template) => (
            <template id={`templat-${template.id}`} key={template.id}>
              {template.text}
            </template>
          ))}
        </div>
      ) : null}
      <div class={errors.message ? 'field field-error' : 'field'}>
        <label for="balas-message">Balasan untuk pengguna</label>
        <p class="hint" id="balas-message-hint">
          {request.email
            ? `Dikirim ke ${request.email} dan tampil di halaman Cek status.`
            : 'Pengguna ini tidak memberi email: balasan hanya tampil di halaman Cek status.'}
        </p>
        {errors.message ? (
          <p class="error-message" id="balas-message-error">
            <span class="visually-hidden">Kesalahan: </span>
            {errors.message}
          </p>
        ) : null}
        <textarea
          id="balas-message"
          name="message"
          rows={10}
          maxLength={REPLY_MAX}
          aria-describedby={
            errors.message ? 'balas-message-hint balas-message-error' : 'balas-message-hint'
          }
          aria-invalid={errors.message ? 'true' : undefined}
          autofocus={props.inserted}
        >
          {draft.message}
        </textarea>
      </div>
      <Radios
        name="setelah"
        label="Setelah balasan ini"
        value={draft.after}
        options={[
          {
            value: 'tunggu',
            label: 'Menunggu tanggapan pengguna',
            hint: `Ditutup sendiri jika tidak ada balasan selama ${props.autoCloseDays} hari.`,
          },
          {
            value: 'lengkapi',
            label: 'Perlu dilengkapi',
            hint: 'Balasan ini meminta keterangan tambahan; batas waktu berhenti sampai pengguna membalas, lalu dihitung lagi.',
          },
          {
            value: 'tutup',
            label: 'Tutup permintaan',
            hint: 'Pengguna menerima undangan penilaian.',
          },
        ]}
        onValue={ignore}
        idPrefix="balas"
      />
      <div class="actions">
        <button type="submit" name="aksi" value="kirim">
          Kirim balasan
        </button>
      </div>
    </form>
  );
}

function StatusForm({ request, signed }: RequestPageProps) {
  const next = STATUSES.filter((status) => canChangeStatus(request.status, status, false));
  return (
    <form method="post" action={`${base(request)}/status/`} class="form compact">
      <CsrfField signed={signed} />
      <Version request={request} />
      <div class="field">
        <label for="status-to">Ubah status menjadi</label>
        <div class="inline-controls">
          <select id="status-to" name="status">
            {next.map((status) => (
              <option value={status} key={status}>
                {STAFF_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            Ubah status
          </button>
        </div>
      </div>
    </form>
  );
}

function NoteForm({ request, signed, errors = {}, draft = EMPTY_DRAFT }: RequestPageProps) {
  return (
    <form method="post" action={`${base(request)}/catatan/`} class="form compact" novalidate>
      <CsrfField signed={signed} />
      <Version request={request} />
      <TextField
        name="catatan"
        label="Catatan internal"
        hint="Hanya terlihat oleh petugas."
        value={draft.note}
        error={errors.catatan}
        maxLength={NOTE_MAX}
        rows={3}
        onValue={ignore}
        idPrefix="catatan"
      />
      <div class="actions">
        <button type="submit" class="secondary">
          Simpan catatan
        </button>
      </div>
    </form>
  );
}

function AssignForm({ request, signed, officers }: RequestPageProps) {
  const mine = request.assignedTo === signed.officer.id;
  return (
    <form method="post" action={`${base(request)}/tetapkan/`} class="form compact">
      <CsrfField signed={signed} />
      <Version request={request} />
      <div class="field">
        <label for="tetapkan-petugas">Ditangani oleh</label>
        <div class="inline-controls">
          <select id="tetapkan-petugas" name="petugas">
            <option value="">Belum ditugaskan</option>
            {officers.map((officer) => (
              <option
                value={String(officer.id)}
                selected={officer.id === request.assignedTo}
                key={officer.id}
              >
                {officer.name}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            Tetapkan
          </button>
        </div>
      </div>
      {mine ? null : (
        <div class="actions">
          <button type="submit" name="petugas" value={String(signed.officer.id)} class="secondary">
            Tangani sendiri
          </button>
        </div>
      )}
    </form>
  );
}

const MEETING_STATE_LABELS: Record<Meeting['state'], string> = {
  diusulkan: 'Diusulkan, menunggu pilihan pengguna',
  dijadwalkan: 'Dijadwalkan',
  dibatalkan: 'Dibatalkan',
  terlaksana: 'Terlaksana',
  tidak_terlaksana: 'Tidak terlaksana',
};

function MeetingItem({ meeting, request, signed, now }: { meeting: Meeting } & RequestPageProps) {
  const chosen = meeting.slots.find((slot) => slot.id === meeting.chosenSlot);
  const open = meeting.state === 'diusulkan' || meeting.state === 'dijadwalkan';
  const started = chosen !== undefined && Date.parse(chosen.startsAt) <= now.getTime();
  const action = `${base(request)}/pertemuan/${meeting.id}`;
  return (
    <li class="meeting-row">
      <p>
        <strong>{MEETING_STATE_LABELS[meeting.state]}</strong>
        {meeting.cancelledBy
          ? ` oleh ${meeting.cancelledBy === 'warga' ? 'pengguna' : 'petugas'}${meeting.cancelReason ? `: ${meeting.cancelReason}` : ''}`
          : ''}
      </p>
      <ul>
        {meeting.slots.map((slot) => (
          <li key={slot.id}>
            {slotLabel(slot)}
            {slot.id === meeting.chosenSlot ? ' (dipilih)' : ''}
            {slot.link ? (
              <>
                {' '}
                · <a href={slot.link}>tautan rapat</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {meeting.state === 'dijadwalkan' && started ? (
        <form method="post" action={`${action}/catat/`} class="inline-controls">
          <CsrfField signed={signed} />
          <button type="submit" name="terlaksana" value="1" class="secondary">
            Catat: terlaksana
          </button>
          <button type="submit" name="terlaksana" value="0" class="secondary">
            Catat: tidak terlaksana
          </button>
        </form>
      ) : null}
      {open ? (
        <details>
          <summary>Batalkan pertemuan ini</summary>
          <form method="post" action={`${action}/batal/`} class="form compact">
            <CsrfField signed={signed} />
            <div class="field">
              <label for={`batal-${meeting.id}`}>Alasan (dikirim ke pengguna)</label>
              <input
                id={`batal-${meeting.id}`}
                name="alasan"
                type="text"
                maxLength={500}
                required
              />
            </div>
            <button type="submit" class="secondary">
              Batalkan pertemuan
            </button>
          </form>
        </details>
      ) : null}
    </li>
  );
}

function ProposeForm(props: RequestPageProps) {
  const { request, signed, slotErrors = {} } = props;
  const rows: SlotInput[] = Array.from({ length: MAX_SLOTS }, (_, index) => ({
    date: '',
    time: '',
    minutes: '30',
    mode: request.channel === 'datang_langsung' ? 'datang_langsung' : 'video',
    link: '',
    ...props.draft?.slots[index],
  }));
  return (
    <form method="post" action={`${base(request)}/pertemuan/`} class="form" novalidate>
      <CsrfField signed={signed} />
      <p class="hint">
        Usulkan satu sampai {MAX_SLOTS} waktu pada hari kerja. Pengguna memilih salah satu di
        halaman Cek status; keduanya menerima undangan kalender.
      </p>
      {rows.map((row, index) => {
        const id = `usul-${index}`;
        const error = slotErrors[index];
        return (
          <fieldset class={error ? 'field field-error slot-row' : 'field slot-row'} key={id}>
            <legend>Waktu {index + 1}</legend>
            {error ? (
              <p class="error-message" id={`${id}-error`}>
                <span class="visually-hidden">Kesalahan: </span>
                {error}
              </p>
            ) : null}
            <div class="filter-grid">
              <div class="field">
                <label for={`${id}-tanggal`}>Tanggal</label>
                <input id={`${id}-tanggal`} name={`tanggal${index}`} type="date" value={row.date} />
              </div>
              <div class="field">
                <label for={`${id}-jam`}>Jam (WIB)</label>
                <input id={`${id}-jam`} name={`jam${index}`} type="time" value={row.time} />
              </div>
              <div class="field">
                <label for={`${id}-lama`}>Lama</label>
                <select id={`${id}-lama`} name={`lama${index}`}>
                  {SLOT_MINUTES.map((minutes) => (
                    <option
                      value={String(minutes)}
                      selected={String(minutes) === row.minutes}
                      key={minutes}
                    >
                      {minutes} menit
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`${id}-cara`}>Cara</label>
                <select id={`${id}-cara`} name={`cara${index}`}>
                  {MEETING_MODES.map((mode) => (
                    <option value={mode} selected={mode === row.mode} key={mode}>
                      {MODE_LABELS[mode]}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for={`${id}-tautan`}>Tautan rapat video</label>
                <input
                  id={`${id}-tautan`}
                  name={`tautan${index}`}
                  type="url"
                  value={row.link}
                  maxLength={500}
                />
              </div>
            </div>
          </fieldset>
        );
      })}
      <div class="actions">
        <button type="submit" class="secondary">
          Usulkan pertemuan
        </button>
      </div>
    </form>
  );
}

function Meetings(props: RequestPageProps) {
  const { meetings, request } = props;
  return (
    <section aria-labelledby="pertemuan">
      <h2 id="pertemuan">Pertemuan lanjutan</h2>
      {meetings.length > 0 ? (
        <ul class="meetings">
          {meetings.map((meeting) => (
            <MeetingItem key={meeting.id} meeting={meeting} {...props} />
          ))}
        </ul>
      ) : (
        <p>Belum ada pertemuan.</p>
      )}
      {request.erasedAt || request.status === 'selesai' ? null : (
        <details open={props.slotErrors !== undefined}>
          <summary>Usulkan pertemuan (datang langsung atau rapat video)</summary>
          <ProposeForm {...props} />
        </details>
      )}
    </section>
  );
}

function SpamForm({ request, signed }: RequestPageProps) {
  return (
    <form method="post" action={`${base(request)}/spam/`} class="form compact">
      <CsrfField signed={signed} />
      <Version request={request} />
      <input type="hidden" name="spam" value={request.spam ? '0' : '1'} />
      <button type="submit" class="secondary">
        {request.spam ? 'Bukan spam' : 'Tandai sebagai spam'}
      </button>
    </form>
  );
}

export function RequestPage(props: RequestPageProps) {
  const { look, signed, request, sla, history, mails, errors = {}, notice, conflict } = props;
  const assignee = props.officers.find((officer) => officer.id === request.assignedTo);
  const failed = Object.keys(errors).length > 0;
  const title = `${FORMS[request.kind].label} ${request.reference}`;
  return (
    <WorkspaceShell
      title={failed ? `Kesalahan: ${title}` : title}
      look={look}
      signed={signed}
      section="kotak-masuk"
    >
      <p>
        <a href="/petugas/">Kembali ke kotak masuk</a>
      </p>
      <h1>
        {FORMS[request.kind].label} <span class="reference-inline">{request.reference}</span>
      </h1>
      {notice ? <Notice>{notice}</Notice> : null}
      {conflict ? (
        <div class="notice notice-warning" role="alert">
          <p>
            <strong>Permintaan ini baru saja diubah oleh petugas lain.</strong> Periksa riwayat di
            bawah, lalu kirim lagi jika masih perlu. Teks yang Anda ketik masih ada.
          </p>
        </div>
      ) : null}
      <ErrorSummary
        errors={errors}
        fieldId={(name) => (name === 'message' ? 'balas-message' : `catatan-${name}`)}
        attempt={0}
      />
      {request.spam ? (
        <p class="notice notice-warning">
          Ditandai sebagai spam: tidak tampil di kotak masuk biasa.
        </p>
      ) : null}
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <span class={`badge status-${request.status}`}>
            {STAFF_STATUS_LABELS[request.status]}
          </span>
        </dd>
        <dt>Batas waktu</dt>
        <dd>
          {formatDate(request.dueDate)} <SlaBadge sla={sla} />
          {request.dueDate !== request.originalDueDate ? (
            <span class="muted">
              {' '}
              (semula {formatDate(request.originalDueDate)}; dihitung ulang setelah pengguna
              melengkapi permintaan
              {request.clockRestartedAt ? ` pada ${when(request.clockRestartedAt)}` : ''})
            </span>
          ) : null}
        </dd>
        <dt>Diterima</dt>
        <dd>{when(request.createdAt)}</dd>
        <dt>Ditangani oleh</dt>
        <dd>{assignee?.name ?? 'Belum ditugaskan'}</dd>
      </dl>

      <section aria-labelledby="isi">
        <h2 id="isi">Isi permintaan</h2>
        <Details request={request} />
      </section>

      <section aria-labelledby="riwayat">
        <h2 id="riwayat">Riwayat</h2>
        <Thread history={history} mails={mails} />
      </section>

      {request.erasedAt ? null : (
        <section aria-labelledby="balasan">
          <h2 id="balasan">Balas</h2>
          <ReplyForm {...props} />
        </section>
      )}

      <Meetings {...props} />

      <section aria-labelledby="tindakan">
        <h2 id="tindakan">Tindakan lain</h2>
        <StatusForm {...props} />
        <NoteForm {...props} />
        <AssignForm {...props} />
        <SpamForm {...props} />
        {request.erasedAt ? null : (
          <>
            <p>
              <a
                href={`${base(request)}/hapus/`}
                class="danger-link"
                data-dialog="konfirmasi-hapus"
              >
                Hapus data pribadi permintaan ini
              </a>
            </p>
            <template id="konfirmasi-hapus">
              <h2>Hapus data pribadi {request.reference}?</h2>
              <ErasureConfirmation request={request} items={props.erasure} signed={signed} />
            </template>
          </>
        )}
      </section>
    </WorkspaceShell>
  );
}

export const renderRequestPage = (props: RequestPageProps) =>
  renderPage(<RequestPage {...props} />);
