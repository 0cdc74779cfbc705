/**
 * The waiting-area display (/antrean/layar/): fills in the numbers from the queue's stream
 * (GET /api/antrean/stream), plays a chime and speaks each call in Indonesian. Browsers allow
 * sound only after a first click, so the sound starts off and the button turns it on; the
 * choice is kept on the TV (localStorage). EventSource reconnects by itself after a drop; each
 * (re)connection starts with the full state, so nothing is missed.
 */
import { spokenCall } from '../lib/queue-speech.ts';

interface DeskState {
  id: string;
  name: string;
  serving: string | null;
  state: 'dipanggil' | 'dilayani' | null;
  calls: number;
}
interface QueueState {
  date: string;
  closed: boolean;
  desks: DeskState[];
  waiting: number;
  next: string[];
}

const SOUND_KEY = 'antrean:suara';
const soundButton = document.querySelector<HTMLButtonElement>('[data-sound]');
const connection = document.querySelector<HTMLElement>('[data-connection]');
let soundOn = localStorage.getItem(SOUND_KEY) === '1';
let audio: AudioContext | null = null;
/** desk id → "number#calls" last seen; a change to a called number is a call to announce. */
const seen = new Map<string, string>();

function showSound() {
  if (!soundButton) return;
  soundButton.disabled = false;
  soundButton.setAttribute('aria-pressed', String(soundOn));
  soundButton.textContent = soundOn ? 'Suara: nyala' : 'Suara: mati';
}

soundButton?.addEventListener('click', () => {
  soundOn = !soundOn;
  localStorage.setItem(SOUND_KEY, soundOn ? '1' : '0');
  if (soundOn) {
    audio ??= new AudioContext();
    void audio.resume();
  }
  showSound();
});
showSound();

/** Two soft tones, like a desk bell (no audio file to load). */
function chime(): Promise<void> {
  if (!audio) audio = new AudioContext();
  const context = audio;
  const start = context.currentTime;
  [880, 660].forEach((frequency, index) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + index * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.3, start + index * 0.35 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.35 + 0.6);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + index * 0.35);
    oscillator.stop(start + index * 0.35 + 0.65);
  });
  return new Promise((resolve) => setTimeout(resolve, 900));
}

async function announce(number: string, deskName: string) {
  if (!soundOn) return;
  await chime().catch(() => {});
  if (!('speechSynthesis' in window)) return;
  const utterance = new SpeechSynthesisUtterance(spokenCall(number, deskName));
  utterance.lang = 'id-ID';
  utterance.rate = 0.9;
  const voice = speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('id'));
  if (voice) utterance.voice = voice;
  speechSynthesis.speak(utterance);
}

function render(state: QueueState) {
  for (const desk of state.desks) {
    const box = document.querySelector<HTMLElement>(`[data-desk="${CSS.escape(desk.id)}"]`);
    if (!box) continue;
    box.querySelector('[data-serving]')!.textContent = desk.serving ?? '—';
    box.querySelector('[data-state]')!.textContent =
      desk.state === 'dilayani'
        ? 'sedang dilayani'
        : desk.state === 'dipanggil'
          ? 'dipanggil'
          : 'kosong';
    box.classList.toggle('display-desk-called', desk.state === 'dipanggil');
    const key = `${desk.serving ?? ''}#${desk.calls}`;
    if (desk.state === 'dipanggil' && desk.serving && seen.get(desk.id) !== key)
      void announce(desk.serving, desk.name);
    seen.set(desk.id, key);
  }
  document.querySelector('[data-next]')!.textContent =
    state.next.length > 0 ? state.next.join('  ') : 'Tidak ada antrean';
  document.querySelector('[data-waiting]')!.textContent = String(state.waiting);
  if (connection) connection.textContent = state.closed ? 'Layanan tutup hari ini' : '';
  document.body.dataset.updated = String(Date.now());
}

function connect() {
  const stream = new EventSource('/api/antrean/stream');
  stream.addEventListener('antrean', (event) => render(JSON.parse((event as MessageEvent).data)));
  stream.addEventListener('open', () => {
    if (connection && connection.textContent === 'Koneksi terputus, menyambung lagi…')
      connection.textContent = '';
  });
  stream.addEventListener('error', () => {
    if (connection) connection.textContent = 'Koneksi terputus, menyambung lagi…';
    // EventSource retries by itself unless the server refused; then start again.
    if (stream.readyState === EventSource.CLOSED) {
      stream.close();
      setTimeout(connect, 5_000);
    }
  });
}

// The page was drawn with the current state: what it shows was called before it loaded.
for (const box of document.querySelectorAll<HTMLElement>('[data-desk]'))
  seen.set(box.dataset.desk ?? '', box.dataset.key ?? '');
connect();
