/**
 * The visitor's ticket on their phone (/antrean/TICKET_ID/): on every change of the queue
 * (the stream), the page is fetched again and its ticket swapped in, so the server draws it
 * once (TicketPage.tsx) and the script only moves it. Once the visit is finished the fetched
 * page carries the rating link and no script: the stream is closed.
 */
const ticket = document.querySelector<HTMLElement>('[data-ticket]');
let pending = false;

async function refresh(stream: EventSource) {
  if (pending) return;
  pending = true;
  try {
    const response = await fetch(location.href, { headers: { accept: 'text/html' } });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = page.querySelector('[data-ticket]');
    const current = document.querySelector('[data-ticket]');
    if (!fresh || !current) return;
    const before = current.querySelector('.ticket-status')?.textContent;
    const after = fresh.querySelector('.ticket-status')?.textContent;
    if (before !== after) {
      current.replaceWith(fresh);
      document.title = page.title;
      if (
        navigator.vibrate &&
        fresh.querySelector('.ticket-status')?.textContent?.startsWith('Giliran')
      )
        navigator.vibrate([300, 100, 300]);
    }
    if (!page.querySelector('script[src="/antrean/tiket.js"]')) stream.close();
  } finally {
    pending = false;
  }
}

if (ticket) {
  const stream = new EventSource('/api/antrean/stream');
  stream.addEventListener('antrean', () => void refresh(stream));
}
