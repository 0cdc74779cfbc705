import type { ComponentChildren } from 'preact';
import { ErrorSummary } from '../../../islands/form-kit/ErrorSummary.tsx';
import { TextField } from '../../../islands/form-kit/Fields.tsx';
import { FORMS } from '../../../lib/forms.ts';
import { slotLabel } from '../../../lib/meeting-slots.ts';
import { formatDate } from '../../../lib/working-days.ts';
import { STATUS_LABELS } from '../../domain/lifecycle.ts';
import type { Meeting, StoredRequest } from '../../storage/store.ts';
import { PageShell, type PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';

const ignore = () => {};

function Csrf({ csrf }: { csrf: string }) {
  return <input type="hidden" name="csrf" value={csrf} />;
}

/** A page of "Permintaan saya" around its content. */
function AccountPage({
  title,
  look,
  children,
}: {
  title: string;
  look: PageLook;
  children: ComponentChildren;
}) {
  return (
    <PageShell title={title} look={look}>
      {children}
    </PageShell>
  );
}

/**
 * A one-time link opened from a mail: a button to use it. Mail programs open links to scan
 * them; a GET must not use up the link or confirm an address on the citizen's behalf.
 */
export function UseLinkPage(props: {
  look: PageLook;
  title: string;
  lead: string;
  action: string;
  token: string;
  button: string;
}) {
  return (
    <AccountPage title={props.title} look={props.look}>
      <h1>{props.title}</h1>
      <p class="lead">{props.lead}</p>
      <form method="post" action={props.action}>
        <input type="hidden" name="token" value={props.token} />
        <div class="actions">
          <button type="submit">{props.button}</button>
        </div>
      </form>
    </AccountPage>
  );
}

export function SignInPage(props: {
  look: PageLook;
  email?: string;
  error?: string;
  sent?: boolean;
  info?: string;
}) {
  return (
    <AccountPage
      title={props.error ? 'Kesalahan: Masuk ke Permintaan saya' : 'Masuk ke Permintaan saya'}
      look={props.look}
    >
      <h1>Masuk ke Permintaan saya</h1>
      {props.info ? (
        <div class="notice" role="status">
          {props.info}
        </div>
      ) : null}
      {props.sent ? (
        <div class="notice notice-action" role="status">
          Jika alamat ini sudah terdaftar, kami mengirim tautan masuk ke sana. Buka email Anda;
          tautan hanya berlaku sebentar dan dapat dipakai sekali.
        </div>
      ) : null}
      <p class="lead">
        Lihat semua permintaan, penilaian dan pertemuan Anda. Tanpa kata sandi: kami mengirim tautan
        masuk ke email yang Anda pakai saat mengajukan permintaan.
      </p>
      <ErrorSummary
        errors={props.error ? { email: props.error } : {}}
        fieldId={() => 'masuk-email'}
        attempt={0}
      />
      <form method="post" action="/akun/masuk/" class="form" novalidate>
        <TextField
          idPrefix="masuk"
          onValue={ignore}
          name="email"
          type="email"
          label="Alamat email"
          value={props.email ?? ''}
          error={props.error}
          maxLength={254}
          autocomplete="email"
          inputMode="email"
          required
        />
        <div class="actions">
          <button type="submit">Kirim tautan masuk</button>
        </div>
      </form>
      <p>
        Belum pernah mengajukan permintaan?{' '}
        <a href={FORMS.konsultasi.page}>{FORMS.konsultasi.link}</a>: alamat email Anda terdaftar
        saat Anda mengonfirmasinya.
      </p>
    </AccountPage>
  );
}

export interface AccountRequest {
  request: StoredRequest;
  /** The personal link to its conversation. */
  href: string;
  rated: boolean;
  meetings: readonly Meeting[];
}

export function MyRequestsPage(props: {
  look: PageLook;
  email: string;
  csrf: string;
  requests: readonly AccountRequest[];
  notice?: string;
}) {
  return (
    <AccountPage title="Permintaan saya" look={props.look}>
      <h1>Permintaan saya</h1>
      {props.notice ? (
        <div class="notice notice-action" role="status">
          {props.notice}
        </div>
      ) : null}
      <p class="lead">Permintaan yang dikirim dengan alamat {props.email}.</p>
      {props.requests.length === 0 ? (
        <p>Belum ada permintaan dengan alamat ini.</p>
      ) : (
        <ul class="card-list">
          {props.requests.map(({ request, href, rated, meetings }) => (
            <li class="card" key={request.reference}>
              <h2>
                <a href={href}>
                  {FORMS[request.kind].label} {request.reference}
                </a>
              </h2>
              <p>
                {STATUS_LABELS.id[request.status]}
                {request.status === 'selesai'
                  ? ''
                  : ` · dilayani paling lambat ${formatDate(request.dueDate)}`}
                {request.status === 'selesai'
                  ? rated
                    ? ' · sudah Anda nilai'
                    : ' · belum dinilai'
                  : ''}
              </p>
              {meetings
                .filter((meeting) => meeting.state === 'dijadwalkan')
                .map((meeting) => {
                  const slot = meeting.slots.find((s) => s.id === meeting.chosenSlot);
                  return slot ? <p key={meeting.id}>Pertemuan: {slotLabel(slot)}</p> : null;
                })}
            </li>
          ))}
        </ul>
      )}
      <h2>Data Anda</h2>
      <p>
        Anda dapat meminta semua data pribadi Anda dihapus: nama, email, nomor HP, isi permintaan
        dan percakapan. <a href="/akun/hapus/">Hapus data saya</a>
      </p>
      <form method="post" action="/akun/keluar/">
        <Csrf csrf={props.csrf} />
        <button type="submit" class="secondary">
          Keluar
        </button>
      </form>
    </AccountPage>
  );
}

export function EraseMinePage(props: { look: PageLook; csrf: string; count: number }) {
  return (
    <AccountPage title="Hapus data saya" look={props.look}>
      <h1>Hapus data saya?</h1>
      <p>
        Yang dihapus dan tidak dapat dikembalikan: nama, email, nomor HP, isi permintaan dan seluruh
        percakapan dari {props.count} permintaan Anda. Tautan pribadi di email lama tidak berlaku
        lagi.
      </p>
      <p>
        Yang tetap disimpan tanpa data pribadi: nomor permintaan, jenis, tanggal dan statusnya,
        untuk laporan layanan.
      </p>
      <form method="post" action="/akun/hapus/">
        <Csrf csrf={props.csrf} />
        <div class="actions">
          <button type="submit" class="danger">
            Ya, hapus data saya
          </button>
          <a href="/akun/">Batal</a>
        </div>
      </form>
    </AccountPage>
  );
}

export function AccountNotice(props: {
  look: PageLook;
  title: string;
  message: string;
  back: { href: string; label: string };
}) {
  return (
    <AccountPage title={props.title} look={props.look}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a href={props.back.href}>{props.back.label}</a>
      </p>
    </AccountPage>
  );
}

export const render = {
  useLink: (props: Parameters<typeof UseLinkPage>[0]) => renderPage(<UseLinkPage {...props} />),
  signIn: (props: Parameters<typeof SignInPage>[0]) => renderPage(<SignInPage {...props} />),
  myRequests: (props: Parameters<typeof MyRequestsPage>[0]) =>
    renderPage(<MyRequestsPage {...props} />),
  eraseMine: (props: Parameters<typeof EraseMinePage>[0]) =>
    renderPage(<EraseMinePage {...props} />),
  notice: (props: Parameters<typeof AccountNotice>[0]) => renderPage(<AccountNotice {...props} />),
};
