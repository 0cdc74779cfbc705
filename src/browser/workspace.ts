/**
 * The workspace's one script (/petugas/skrip.js). Each screen works without it; with it, a
 * reply template goes into the reply box where the cursor is, without reloading the page,
 * and the erasure is confirmed in a dialog instead of on a page of its own.
 */

function insertTemplate(event: MouseEvent, button: HTMLButtonElement) {
  const form = button.form;
  const select = form?.elements.namedItem('template');
  const box = form?.elements.namedItem('message');
  if (!(select instanceof HTMLSelectElement) || !(box instanceof HTMLTextAreaElement)) return;
  const template = document.getElementById(`templat-${select.value}`);
  if (!(template instanceof HTMLTemplateElement)) return;
  event.preventDefault();
  const text = (template.content.textContent ?? '').trim();
  const before = box.value.slice(0, box.selectionStart);
  const after = box.value.slice(box.selectionEnd);
  // Blank lines around the template when it lands between paragraphs.
  const lead =
    before.trim() === ''
      ? ''
      : before.endsWith('\n\n')
        ? ''
        : before.endsWith('\n')
          ? '\n'
          : '\n\n';
  const tail = after.trim() === '' ? '' : '\n\n';
  box.setRangeText(`${lead}${text}${tail}`, box.selectionStart, box.selectionEnd, 'end');
  box.focus();
  const status = document.getElementById('templat-status');
  if (status)
    status.textContent = `Templat “${select.selectedOptions[0]?.text ?? ''}” disisipkan ke kotak balasan.`;
}

function openDialog(event: MouseEvent, link: HTMLAnchorElement) {
  const template = document.getElementById(link.dataset.dialog ?? '');
  if (!(template instanceof HTMLTemplateElement) || typeof HTMLDialogElement !== 'function') return;
  event.preventDefault();
  const dialog = document.createElement('dialog');
  dialog.append(template.content.cloneNode(true));
  const heading = dialog.querySelector('h2');
  if (heading) {
    heading.id = `${template.id}-judul`;
    dialog.setAttribute('aria-labelledby', heading.id);
  }
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'secondary';
  cancel.textContent = 'Batal';
  cancel.addEventListener('click', () => dialog.close());
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(cancel);
  dialog.append(actions);
  dialog.addEventListener('close', () => {
    dialog.remove();
    link.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  cancel.focus();
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const insert = target?.closest<HTMLButtonElement>('button[name="aksi"][value="sisipkan"]');
  if (insert) return insertTemplate(event, insert);
  const link = target?.closest<HTMLAnchorElement>('a[data-dialog]');
  if (link) openDialog(event, link);
});

// A page drawn again with errors: the summary takes the focus, so it is read first.
document.querySelector<HTMLElement>('.error-summary')?.focus();
