import { formatDate, formatJakartaDateTime } from '../lib/working-days.ts';
import type { StatusAnswer } from '../schemas/status.ts';

/**
 * A request as the citizen sees it: status, dates, the history with the officers' replies,
 * and the rating link once the endpoint offers it. Drawn by the status island after a
 * lookup and by the endpoint's status page for a plain post.
 */
export function StatusResult({ answer }: { answer: StatusAnswer }) {
  return (
    <section class="status-result" aria-labelledby="hasil-status">
      <h2 id="hasil-status" tabindex={-1}>
        {answer.reference}: {answer.statusLabel}
      </h2>
      <dl class="facts">
        <dt>Jenis</dt>
        <dd>{answer.kindLabel}</dd>
        <dt>Diterima</dt>
        <dd>{formatJakartaDateTime(new Date(answer.receivedAt))}</dd>
        {answer.kind === 'konsultasi' ? (
          <>
            <dt>Dilayani paling lambat</dt>
            <dd>{formatDate(answer.dueDate)} (jika permintaan sudah jelas dan lengkap)</dd>
          </>
        ) : null}
      </dl>
      <h3>Riwayat</h3>
      <ol class="history">
        {answer.history.map((entry) => (
          <li key={entry.at} class={entry.reply ? 'reply' : undefined}>
            <time dateTime={entry.at}>{formatJakartaDateTime(new Date(entry.at))}</time>
            {entry.reply ? (
              <>
                <strong>Balasan petugas:</strong>
                <p class="check-answer">{entry.reply}</p>
              </>
            ) : (
              <span>{entry.statusLabel}</span>
            )}
          </li>
        ))}
      </ol>
      {answer.rating ? (
        <p>
          <a class="button" href={answer.rating.href}>
            {answer.rating.label}
          </a>
        </p>
      ) : null}
    </section>
  );
}
