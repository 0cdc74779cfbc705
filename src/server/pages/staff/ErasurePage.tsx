import { FORMS } from '../../../lib/forms.ts';
import type { StoredRequest } from '../../storage/store.ts';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { CsrfField, WorkspaceShell, type Signed } from './WorkspaceShell.tsx';

interface Props {
  look: PageLook;
  signed: Signed;
  request: StoredRequest;
  /** Replies and internal notes in the history, and mails kept for it. */
  counts: { replies: number; notes: number; mails: number };
}

/** What will go, by name, so the officer knows before confirming (UU 27/2022, erasure). */
export function erasedItems(request: StoredRequest, counts: Props['counts']): string[] {
  const fields: [string, string | undefined][] = [
    ['nama', request.name],
    ['email', request.email],
    ['nomor HP/WhatsApp', request.phone],
    ['topik', request.topic],
    ['pertanyaan', request.question],
    ['isi pengaduan', request.description],
  ];
  return [
    ...fields.filter(([, value]) => value).map(([label]) => label),
    ...(counts.replies > 0 ? [`${counts.replies} balasan`] : []),
    ...(counts.notes > 0 ? [`${counts.notes} catatan`] : []),
    ...(counts.mails > 0 ? [`${counts.mails} email dalam antrean dan arsip`] : []),
  ];
}

/** The confirmation step of the erasure (without JavaScript; with it, the same form in a dialog). */
export function ErasurePage({ look, signed, request, counts }: Props) {
  const items = erasedItems(request, counts);
  const base = `/petugas/permintaan/${request.reference}`;
  return (
    <WorkspaceShell
      title={`Hapus data ${request.reference}`}
      look={look}
      signed={signed}
      section="kotak-masuk"
    >
      <h1>Hapus data pribadi {request.reference}?</h1>
      <ErasureConfirmation request={request} items={items} signed={signed} />
      <p>
        <a href={`${base}/`}>Batal, kembali ke {FORMS[request.kind].label.toLowerCase()}</a>
      </p>
    </WorkspaceShell>
  );
}

/** The text and the button, shared by the confirmation page and the request page's dialog. */
export function ErasureConfirmation({
  request,
  items,
  signed,
}: {
  request: StoredRequest;
  items: readonly string[];
  signed: Signed;
}) {
  return (
    <>
      <p>Yang akan dihapus dan tidak dapat dikembalikan:</p>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>Yang tetap disimpan: nomor permintaan, jenis, tanggal, dan riwayat statusnya.</p>
      <form method="post" action={`/petugas/permintaan/${request.reference}/hapus/`}>
        <CsrfField signed={signed} />
        <input type="hidden" name="versi" value={String(request.version)} />
        <button type="submit" class="danger">
          Ya, hapus data pribadi
        </button>
      </form>
    </>
  );
}

export const renderErasurePage = (props: Props) => renderPage(<ErasurePage {...props} />);
