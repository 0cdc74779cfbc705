import type { Loket } from '../../../content-schemas/loket.ts';
import { formatJakartaDateTime } from '../../../lib/working-days.ts';
import type { VisitReport } from '../../domain/walk-in.ts';
import type { Visit } from '../../storage/store.ts';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { CsrfField, Notice, WorkspaceShell, type Signed } from './WorkspaceShell.tsx';

interface Props {
  look: PageLook;
  signed: Signed;
  loket: Loket;
  /** The desk chosen (?meja=), or null: the page asks for one. */
  desk: string | null;
  /** The visit called to or served at this desk. */
  current: Visit | null;
  waiting: number;
  next: string[];
  report: VisitReport;
  notice?: string;
  errors?: Record<string, string>;
  /** What was typed in the finish form, drawn again after an error. */
  values?: { catatan?: string; tindak_lanjut?: string };
}

const time = (iso: string | null) =>
  iso ? formatJakartaDateTime(new Date(iso)).split(', ').pop() : '—';

const STATE_LABELS: Record<Visit['state'], string> = {
  menunggu: 'menunggu',
  dipanggil: 'dipanggil',
  dilayani: 'sedang dilayani',
  selesai: 'selesai',
  tidak_hadir: 'tidak hadir',
};

function ActionForm({
  signed,
  desk,
  path,
  label,
  secondary,
}: {
  signed: Signed;
  desk: string;
  path: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={path} class="inline-form">
      <CsrfField signed={signed} />
      <input type="hidden" name="meja" value={desk} />
      <button type="submit" class={secondary ? 'secondary' : undefined}>
        {label}
      </button>
    </form>
  );
}

/**
 * The consultation desk (/petugas/loket/): pick a desk, call the next number, call again,
 * start, finish (a note, and an online follow-up as a consultation request), or skip an
 * absent visitor. Narrow enough for half a laptop screen; the day's visits with their waits
 * against the standard below.
 */
export function DeskPage(props: Props) {
  const { look, signed, loket, desk, current, waiting, next, report, notice, errors = {} } = props;
  const deskName = loket.desks.find((d) => d.id === desk)?.name;
  const service = (id: string) => loket.services.find((s) => s.id === id)?.name ?? id;
  const failed = Object.keys(errors).length > 0;
  return (
    <WorkspaceShell
      title={
        failed ? 'Kesalahan: Loket layanan' : deskName ? `Loket: ${deskName}` : 'Loket layanan'
      }
      look={look}
      signed={signed}
      section="loket"
    >
      <h1>Loket layanan{deskName ? `: ${deskName}` : ''}</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      {errors.form ? (
        <div class="error-summary" role="alert">
          <p>{errors.form}</p>
        </div>
      ) : null}
      <form method="get" action="/petugas/loket/" class="form desk-choice">
        <div class="field">
          <label for="meja">Meja Anda</label>
          <select id="meja" name="meja">
            {loket.desks.map((d) => (
              <option value={d.id} selected={d.id === desk} key={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          Pilih meja
        </button>
      </form>

      {desk ? (
        <section aria-labelledby="sekarang">
          <h2 id="sekarang">Sekarang</h2>
          {current ? (
            <div class="desk-current">
              <p class="desk-number">
                <strong>{current.number}</strong> · {STATE_LABELS[current.state]}
              </p>
              <dl class="desk-visit">
                <dt>Nama</dt>
                <dd>{current.name ?? '(dihapus)'}</dd>
                <dt>Keperluan</dt>
                <dd>{service(current.service)}</dd>
                <dt>Topik</dt>
                <dd>{current.topic ?? '—'}</dd>
                <dt>Instansi atau pekerjaan</dt>
                <dd>{current.institution ?? '—'}</dd>
                <dt>Kontak</dt>
                <dd>{[current.phone, current.email].filter(Boolean).join(' · ') || '—'}</dd>
                <dt>Datang</dt>
                <dd>{time(current.arrivedAt)}</dd>
              </dl>
              {current.state === 'dipanggil' ? (
                <div class="actions">
                  <ActionForm
                    signed={signed}
                    desk={desk}
                    path={`/petugas/loket/${current.id}/mulai/`}
                    label="Mulai layanan"
                  />
                  <ActionForm
                    signed={signed}
                    desk={desk}
                    path={`/petugas/loket/${current.id}/ulang/`}
                    label="Panggil ulang"
                    secondary
                  />
                  <ActionForm
                    signed={signed}
                    desk={desk}
                    path={`/petugas/loket/${current.id}/lewati/`}
                    label={
                      current.skips === 0
                        ? 'Lewati (ke akhir antrean)'
                        : 'Lewati (hapus dari antrean)'
                    }
                    secondary
                  />
                </div>
              ) : (
                <form
                  method="post"
                  action={`/petugas/loket/${current.id}/selesai/`}
                  class="form"
                  novalidate
                >
                  <CsrfField signed={signed} />
                  <input type="hidden" name="meja" value={desk} />
                  <div class={errors.catatan ? 'field field-error' : 'field'}>
                    <label for="catatan">Catatan singkat (opsional)</label>
                    {errors.catatan ? (
                      <p class="error-message" id="catatan-error">
                        <span class="visually-hidden">Kesalahan: </span>
                        {errors.catatan}
                      </p>
                    ) : null}
                    <textarea
                      id="catatan"
                      name="catatan"
                      rows={3}
                      maxLength={500}
                      aria-describedby={errors.catatan ? 'catatan-error' : undefined}
                    >
                      {props.values?.catatan ?? ''}
                    </textarea>
                  </div>
                  <div class={errors.tindak_lanjut ? 'field field-error' : 'field'}>
                    {errors.tindak_lanjut ? (
                      <p class="error-message" id="tindak-lanjut-error">
                        <span class="visually-hidden">Kesalahan: </span>
                        {errors.tindak_lanjut}
                      </p>
                    ) : null}
                    <div class="choice">
                      <input
                        type="checkbox"
                        id="tindak-lanjut"
                        name="tindak_lanjut"
                        value="ya"
                        checked={props.values?.tindak_lanjut === 'ya'}
                        aria-describedby={
                          errors.tindak_lanjut
                            ? 'tindak-lanjut-error tindak-lanjut-hint'
                            : 'tindak-lanjut-hint'
                        }
                      />
                      <label for="tindak-lanjut">Perlu tindak lanjut online?</label>
                    </div>
                    <p class="hint" id="tindak-lanjut-hint">
                      Hanya bila pengunjung setuju: permintaan konsultasi dibuat atas namanya dan
                      percakapan berlanjut lewat email.
                    </p>
                  </div>
                  <div class="actions">
                    <button type="submit">Selesai</button>
                  </div>
                </form>
              )}
            </div>
          ) : (
            <div class="actions">
              <ActionForm
                signed={signed}
                desk={desk}
                path="/petugas/loket/panggil/"
                label="Panggil berikutnya"
              />
            </div>
          )}
          <p>
            Menunggu: <strong>{waiting}</strong>
            {next.length > 0 ? ` · berikutnya ${next.join(', ')}` : ''}
          </p>
        </section>
      ) : (
        <p>Pilih meja tempat Anda melayani hari ini.</p>
      )}

      <section aria-labelledby="hari-ini">
        <h2 id="hari-ini">Kunjungan hari ini</h2>
        <p>
          Standar: dilayani paling lama {report.standardMinutes} menit sejak pengunjung sebelumnya
          di meja itu selesai.{' '}
          {report.shareWithinStandard === null
            ? 'Belum ada yang dilayani.'
            : `${report.withinStandardCount} dari ${report.served} dalam standar (${Math.round(report.shareWithinStandard * 100)}%).`}
        </p>
        {report.visits.length > 0 ? (
          // Scrolls sideways on a narrow window: focusable so a keyboard can scroll it too.
          <div class="table-wrap" tabindex={0} role="region" aria-label="Kunjungan hari ini">
            <table class="desk-visits">
              <caption class="visually-hidden">Kunjungan hari ini dengan waktu tunggunya</caption>
              <thead>
                <tr>
                  <th scope="col">Nomor</th>
                  <th scope="col">Keperluan</th>
                  <th scope="col">Datang</th>
                  <th scope="col">Mulai</th>
                  <th scope="col">Selesai</th>
                  <th scope="col">Meja</th>
                  <th scope="col">Tunggu</th>
                  <th scope="col">Standar</th>
                </tr>
              </thead>
              <tbody>
                {report.visits.map((visit) => (
                  <tr key={visit.reference}>
                    <th scope="row">{visit.number}</th>
                    <td>{visit.serviceName}</td>
                    <td>{time(visit.arrivedAt)}</td>
                    <td>{time(visit.startedAt)}</td>
                    <td>{time(visit.finishedAt)}</td>
                    <td>{loket.desks.find((d) => d.id === visit.desk)?.name ?? '—'}</td>
                    <td>
                      {visit.waitMinutes === null
                        ? STATE_LABELS[visit.state]
                        : `${visit.waitMinutes} menit`}
                    </td>
                    <td>
                      {visit.withinStandard === null
                        ? '—'
                        : visit.withinStandard
                          ? 'dalam standar'
                          : 'melebihi standar'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </WorkspaceShell>
  );
}

export const renderDeskPage = (props: Props) => renderPage(<DeskPage {...props} />);
