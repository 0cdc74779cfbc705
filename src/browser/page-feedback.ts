// "Apakah halaman ini membantu?" with JavaScript: "Ya" is sent at once; "Tidak" first opens
// the comment box, and the next press sends both. Plain DOM, no framework: this runs on
// every content page, whose JavaScript budget is 2 KB gz.

function thank(form: HTMLFormElement): void {
  const thanks = document.getElementById('terima-kasih');
  form.hidden = true;
  if (thanks) {
    thanks.classList.add('shown');
    thanks.focus();
  }
}

export function enhanceFeedbackForm(form: HTMLFormElement): void {
  const details = form.querySelector('details');
  const comment = form.querySelector('textarea');
  form.addEventListener('submit', async (event) => {
    const button = event.submitter as HTMLButtonElement | null;
    const helpful = button?.value === 'ya';
    if (!helpful && details && !details.open) {
      event.preventDefault();
      details.open = true;
      comment?.focus();
      return;
    }
    event.preventDefault();
    // The honeypot goes along, empty: the endpoint treats a post without it as a bot's.
    const answer = { page: location.pathname, helpful, comment: comment?.value ?? '', website: '' };
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(answer),
      });
      // A refusal is explained by the endpoint's own error page: send the form plainly.
      if (!response.ok && response.status < 500) {
        const answer = Object.assign(document.createElement('input'), {
          type: 'hidden',
          name: 'helpful',
        });
        answer.value = helpful ? 'ya' : 'tidak';
        form.append(answer);
        form.submit();
        return;
      }
    } catch {
      // Offline: the answer waits on this device and is sent when the connection returns.
      const { enqueue } = await import('./offline-queue.ts');
      await enqueue({
        idempotencyKey: crypto.randomUUID(),
        kind: 'umpan-balik',
        url: form.action,
        body: answer,
      }).catch(() => {});
    }
    thank(form);
  });
}
