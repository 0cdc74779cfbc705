import { GUEST_BOOK_LABELS as LABELS, GUEST_BOOK_LIMITS as LIMITS } from '../schemas/guest-book.ts';
import { ErrorSummary } from './form-kit/ErrorSummary.tsx';
import { Checkbox, fieldId, Radios, TextField } from './form-kit/Fields.tsx';
import type { FormProps } from './form-kit/use-form.ts';

const ID = 'bukutamu';

interface Props extends FormProps {
  /** The services a visitor can come for (content/loket.yaml). */
  services: readonly { id: string; name: string }[];
  /** The privacy notice, linked from the consent. */
  privacyHref: string;
}

const text = (values: FormProps['values'], name: string) =>
  typeof values?.[name] === 'string' ? (values[name] as string) : '';

// The kiosk is shared: nothing typed may stay for the next visitor, so no drafts are kept
// and the browser is asked not to remember or offer what was typed (autocomplete="off").
const noop = () => {};

/**
 * The guest book on the Front Office kiosk. Drawn by the endpoint (the kiosk is not a page
 * of the static site) and posted without JavaScript; the server validates it with
 * guestBookSchema and answers with the ticket, or this form again with the errors.
 */
export function GuestBookForm({ action, values, errors = {}, services, privacyHref }: Props) {
  const field = { idPrefix: ID, onValue: noop };
  return (
    <form method="post" action={action} novalidate class="form kiosk-form" autocomplete="off">
      <ErrorSummary errors={errors} attempt={0} fieldId={(name) => fieldId(ID, name)} />
      <TextField
        {...field}
        name="name"
        label={LABELS.name}
        value={text(values, 'name')}
        error={errors.name}
        maxLength={LIMITS.name}
        autocomplete="off"
        required
      />
      <Radios
        {...field}
        name="purpose"
        label={LABELS.purpose}
        value={text(values, 'purpose')}
        error={errors.purpose}
        required
        options={services.map((service) => ({ value: service.id, label: service.name }))}
      />
      <TextField
        {...field}
        name="topic"
        label={LABELS.topic}
        value={text(values, 'topic')}
        error={errors.topic}
        maxLength={LIMITS.topic}
        autocomplete="off"
        required
        hint="Contoh: data penduduk per kecamatan 2025."
      />
      <TextField
        {...field}
        name="phone"
        type="tel"
        inputMode="tel"
        label={LABELS.phone}
        value={text(values, 'phone')}
        error={errors.phone}
        maxLength={LIMITS.phone}
        autocomplete="off"
      />
      <TextField
        {...field}
        name="email"
        type="email"
        inputMode="email"
        label={LABELS.email}
        value={text(values, 'email')}
        error={errors.email}
        maxLength={LIMITS.email}
        autocomplete="off"
        hint="Untuk undangan penilaian layanan dan tindak lanjut online bila perlu."
      />
      <TextField
        {...field}
        name="institution"
        label={LABELS.institution}
        value={text(values, 'institution')}
        error={errors.institution}
        maxLength={LIMITS.institution}
        autocomplete="off"
      />
      <Checkbox
        {...field}
        name="consent"
        label={LABELS.consent}
        value={text(values, 'consent')}
        checkedValue="ya"
        error={errors.consent}
        required
        hint={
          <>
            Data buku tamu disimpan dan dihapus seperti permintaan online. Baca{' '}
            <a href={privacyHref}>pemberitahuan privasi</a>.
          </>
        }
      />
      <div class="actions">
        <button type="submit" class="kiosk-submit">
          Ambil nomor antrean
        </button>
      </div>
    </form>
  );
}
