import type { QueueState } from '../../domain/walk-in.ts';
import type { PageLook } from '../PageShell.tsx';
import { renderPage } from '../render.ts';
import { WalkInShell } from './WalkInShell.tsx';

interface Props {
  look: PageLook;
  state: QueueState;
}

/**
 * The waiting area's TV: the number at each desk and the next numbers, in type readable from
 * five metres (walk-in.css: the number is 22vh). /antrean/layar.js keeps it live from the
 * stream and speaks each call; the markup here is what it fills in (data-* hooks).
 */
export function DisplayPage({ look, state }: Props) {
  return (
    <WalkInShell
      title="Layar antrean"
      look={look}
      kind="display"
      script="/antrean/layar.js"
      refreshSeconds={15}
    >
      <h1 class="visually-hidden">Layar antrean {look.office.shortName}</h1>
      <div class="display-bar">
        <p class="display-office">{look.office.shortName} · Antrean layanan</p>
        <p class="display-connection" data-connection role="status">
          {state.closed ? 'Layanan tutup hari ini' : ''}
        </p>
        <button type="button" class="display-sound" data-sound aria-pressed="false" disabled>
          Suara: mati
        </button>
      </div>
      <ul class="display-desks" data-desks>
        {state.desks.map((desk) => (
          <li
            class={desk.state === 'dipanggil' ? 'display-desk display-desk-called' : 'display-desk'}
            data-desk={desk.id}
            data-key={`${desk.serving ?? ''}#${desk.calls}`}
            key={desk.id}
          >
            <h2 class="display-desk-name">{desk.name}</h2>
            <p class="display-number" data-serving aria-live="polite">
              {desk.serving ?? '—'}
            </p>
            <p class="display-state" data-state>
              {desk.state === 'dilayani'
                ? 'sedang dilayani'
                : desk.state === 'dipanggil'
                  ? 'dipanggil'
                  : 'kosong'}
            </p>
          </li>
        ))}
      </ul>
      <div class="display-next">
        <h2>Berikutnya</h2>
        <p class="display-next-numbers" data-next>
          {state.next.length > 0 ? state.next.join('  ') : 'Tidak ada antrean'}
        </p>
        <p class="display-waiting">
          Menunggu: <span data-waiting>{state.waiting}</span>
        </p>
      </div>
    </WalkInShell>
  );
}

export const renderDisplayPage = (props: Props) => renderPage(<DisplayPage {...props} />);
