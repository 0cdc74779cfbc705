import { formatJakartaDateTime } from '../../../lib/working-days.ts';
import type { KioskDevice } from '../../storage/store.ts';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { CsrfField, Notice, WorkspaceShell, type Signed } from './WorkspaceShell.tsx';

interface Props {
  look: PageLook;
  signed: Signed;
  devices: readonly KioskDevice[];
  /** A pairing link just made: shown once, never stored. */
  link?: string;
  notice?: string;
  error?: string;
}

/** Admins pair the Front Office kiosk here (a one-time link) and revoke devices. */
export function DevicesPage({ look, signed, devices, link, notice, error }: Props) {
  return (
    <WorkspaceShell
      title={error ? 'Kesalahan: Perangkat kiosk' : 'Perangkat kiosk'}
      look={look}
      signed={signed}
      section="perangkat"
    >
      <h1>Perangkat kiosk</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      {link ? (
        <Notice>
          <p>
            Buka tautan ini di perangkat Front Office, lalu tekan “Pasang perangkat ini”. Tautan
            hanya dapat dipakai sekali dan berlaku 24 jam:
          </p>
          <p>
            <code class="pairing-link">{link}</code>
          </p>
        </Notice>
      ) : null}
      <form method="post" action="/petugas/perangkat/" class="form narrow" novalidate>
        <CsrfField signed={signed} />
        <div class={error ? 'field field-error' : 'field'}>
          <label for="label">Nama perangkat</label>
          <p class="hint" id="label-hint">
            Contoh: Tablet Front Office.
          </p>
          {error ? (
            <p class="error-message" id="label-error">
              <span class="visually-hidden">Kesalahan: </span>
              {error}
            </p>
          ) : null}
          <input
            id="label"
            name="label"
            type="text"
            maxLength={60}
            aria-describedby={error ? 'label-hint label-error' : 'label-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <div class="actions">
          <button type="submit">Buat tautan pemasangan</button>
        </div>
      </form>
      <h2>Perangkat terpasang</h2>
      {devices.length === 0 ? (
        <p>Belum ada perangkat.</p>
      ) : (
        <ul class="device-list">
          {devices.map((device) => (
            <li key={device.id}>
              <strong>{device.label}</strong>, dipasang{' '}
              {formatJakartaDateTime(new Date(device.createdAt))}
              {device.revokedAt ? (
                ` · dicabut ${formatJakartaDateTime(new Date(device.revokedAt))}`
              ) : (
                <form
                  method="post"
                  action={`/petugas/perangkat/${device.id}/cabut/`}
                  class="inline-form"
                >
                  <CsrfField signed={signed} />{' '}
                  <button type="submit" class="secondary">
                    Cabut {device.label}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </WorkspaceShell>
  );
}

export const renderDevicesPage = (props: Props) => renderPage(<DevicesPage {...props} />);
