/**
 * The ticket on the kiosk goes back to an empty guest book after 20 s, so the next visitor
 * never sees the previous one's ticket. A visitor who needs longer (to scan the QR code)
 * presses "Tambah waktu" (WCAG 2.2.1: a time limit the user can extend). Without JavaScript
 * a <noscript> refresh does the same, without the extension.
 */
const countdown = document.querySelector<HTMLElement>('[data-kiosk-return]');
const more = document.querySelector<HTMLButtonElement>('[data-kiosk-more]');
const SECONDS = Number(countdown?.dataset.kioskReturn ?? 20);
let left = SECONDS;

function tick() {
  left -= 1;
  if (left <= 0) {
    location.replace('/loket/');
    return;
  }
  if (countdown) countdown.textContent = String(left);
}

if (countdown) {
  setInterval(tick, 1_000);
  if (more) {
    more.hidden = false;
    more.addEventListener('click', () => {
      left = SECONDS;
      countdown.textContent = String(left);
    });
  }
}
