import { FORMS } from '../lib/forms.ts';
import { formatDate, formatJakartaDateTime } from '../lib/working-days.ts';
import { MESSAGE_LABELS, MESSAGE_LIMITS, type Credentials } from '../schemas/message.ts';
import type { MeetingView, StatusAnswer } from '../schemas/status.ts';
import { Carried, Honeypot, TextField } from './form-kit/Fields.tsx';
import { sendJson } from './form-kit/send.ts';
import { CredentialFields, MessageForm } from './MessageForm.tsx';

interface Props {
  answer: StatusAnswer;
  /** The request and how it was opened; every form below carries them. */
  credentials: Credentials;
  /** Island only: the answer changed (a message sent, a slot chosen); read it again. */
  onChanged?: () => void;
}

const ignore = () => {};
// Choosing a slot is one click, like page feedback: no fill time is checked, a key is enough.
const EMPTY_CARRIED = { idempotency_key: '' };

/**
 * One proposed or scheduled meeting: choose a slot, or cancel with a reason. Plain forms
 * that the island sends as JSON.
 */
function Meeting({
  meeting,
  credentials,
  onChanged,
}: { meeting: MeetingView } & Omit<Props, 'answer'>) {
  async function send(event: Event) {
    if (!onChanged) return;
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const result = await sendJson(FORMS.pertemuan.action, Object.fromEntries(new FormData(form)));
    if (result.kind === 'ok') onChanged();
    else
      form
        .querySelector('.meeting-error')
        ?.replaceChildren(
          result.kind === 'invalid'
            ? (Object.values(result.errors)[0] ?? '')
            : 'Tidak ada koneksi ke server. Coba lagi nanti.',
        );
  }
  const open = meeting.state === 'diusulkan' || meeting.state === 'dijadwalkan';
  return (
    <section class="meeting" aria-labelledby={`pertemuan-${meeting.id}`}>
      <h4 id={`pertemuan-${meeting.id}`}>Pertemuan lanjutan: {meeting.stateLabel}</h4>
      {meeting.chosen ? (
        <p>
          {meeting.chosen.label}. {meeting.chosen.where}
          {meeting.chosen.link ? (
            <>
              : <a href={meeting.chosen.link}>{meeting.chosen.link}</a>
            </>
          ) : null}
          .
        </p>
      ) : null}
      {meeting.state === 'diusulkan' ? (
        <form method="post" action={FORMS.pertemuan.action} class="form" onSubmit={send}>
          <CredentialFields credentials={credentials} />
          <Carried values={EMPTY_CARRIED} />
          <Honeypot id={`pertemuan-${meeting.id}-website`} />
          <input type="hidden" name="meeting" value={String(meeting.id)} />
          <input type="hidden" name="aksi" value="pilih" />
          <fieldset class="field">
            <legend>Pilih waktu yang cocok</legend>
            <div class="choices">
              {meeting.slots.map((slot) => (
                <div class="choice" key={slot.id}>
                  <input
                    type="radio"
                    name="slot"
                    id={`slot-${meeting.id}-${slot.id}`}
                    value={String(slot.id)}
                    required
                  />
                  <label for={`slot-${meeting.id}-${slot.id}`}>{slot.label}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <p class="meeting-error error-message" role="alert" />
          <div class="actions">
            <button type="submit">Pilih waktu ini</button>
          </div>
          <p class="hint">
            Tidak ada yang cocok? Tulis waktu lain yang Anda inginkan di pesan di bawah.
          </p>
        </form>
      ) : null}
      {open ? (
        <form method="post" action={FORMS.pertemuan.action} class="form compact" onSubmit={send}>
          <CredentialFields credentials={credentials} />
          <Carried values={EMPTY_CARRIED} />
          <Honeypot id={`batal-${meeting.id}-website`} />
          <input type="hidden" name="meeting" value={String(meeting.id)} />
          <input type="hidden" name="aksi" value="batal" />
          <details>
            <summary>Batalkan pertemuan</summary>
            <TextField
              idPrefix={`batal-${meeting.id}`}
              onValue={ignore}
              name="reason"
              label={MESSAGE_LABELS.reason}
              value=""
              maxLength={MESSAGE_LIMITS.reason}
            />
            <p class="meeting-error error-message" role="alert" />
            <button type="submit" class="secondary">
              Batalkan pertemuan
            </button>
          </details>
        </form>
      ) : null}
    </section>
  );
}

/**
 * A request as the citizen sees it: status, dates (and why they moved), what happens next,
 * the conversation, meetings, a reply form while it is open, and the ways on (WhatsApp, a
 * rating, a new request). Drawn by the status island after a lookup, by the endpoint's status
 * page for a plain post, and into the status page for a personal link without JavaScript.
 */
export function StatusResult({ answer, credentials, onChanged }: Props) {
  return (
    <section class="status-result" aria-labelledby="hasil-status">
      <h2 id="hasil-status" tabindex={-1}>
        {answer.reference}: {answer.statusLabel}
      </h2>
      <p class="next-step">
        <strong>Selanjutnya:</strong> {answer.nextStep}
      </p>
      <dl class="facts">
        <dt>Jenis</dt>
        <dd>{answer.kindLabel}</dd>
        <dt>Diterima</dt>
        <dd>{formatJakartaDateTime(new Date(answer.receivedAt))}</dd>
        {answer.kind === 'konsultasi' && answer.emailConfirmed ? (
          <>
            <dt>Dilayani paling lambat</dt>
            <dd>
              {formatDate(answer.dueDate)}
              {answer.dueDate !== answer.originalDueDate
                ? ` (semula ${formatDate(answer.originalDueDate)})`
                : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {answer.dueNote ? <p class="hint">{answer.dueNote}</p> : null}
      <h3 id="percakapan">Percakapan</h3>
      <ol class="history conversation">
        {answer.thread.map((entry, index) => (
          <li
            key={`${entry.at}-${index}`}
            class={`from-${entry.who}${entry.kind === 'peristiwa' ? ' event' : ''}`}
          >
            <time dateTime={entry.at}>{formatJakartaDateTime(new Date(entry.at))}</time>
            {entry.kind === 'pesan' ? (
              <>
                <strong>{entry.name}:</strong>
                <p class="check-answer">{entry.text}</p>
              </>
            ) : (
              <span>{entry.text}</span>
            )}
          </li>
        ))}
      </ol>
      {answer.meetings.map((meeting) => (
        <Meeting
          key={meeting.id}
          meeting={meeting}
          credentials={credentials}
          onChanged={onChanged}
        />
      ))}
      {answer.canReply ? (
        <>
          <h3>Balas</h3>
          <MessageForm action={FORMS.pesan.action} credentials={credentials} onSent={onChanged} />
        </>
      ) : null}
      <p>
        <a href={answer.whatsapp}>Lanjutkan lewat WhatsApp</a>
      </p>
      {answer.rating ? (
        <p>
          <a class="button" href={answer.rating.href}>
            {answer.rating.label}
          </a>
        </p>
      ) : null}
      {answer.followUp ? (
        <p>
          Masih ada pertanyaan? <a href={answer.followUp}>Ajukan permintaan baru</a>
        </p>
      ) : null}
    </section>
  );
}
