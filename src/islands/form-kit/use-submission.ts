import { useState } from 'preact/hooks';
import type { QueuedForm, SentForm } from '../../browser/offline-queue.ts';
import type { QueuedKind } from '../../lib/forms.ts';
import type { RequestAccepted } from './confirmation.ts';
import { submit } from './submit.ts';
import type { useForm } from './use-form.ts';

interface Options {
  form: ReturnType<typeof useForm>;
  url: string;
  kind: QueuedKind;
  /** After the endpoint accepted the form, now or later from the queue. */
  onAccepted: (accepted: RequestAccepted) => void;
  /** After the endpoint refused some answers (e.g. to go back from a check step). */
  onRefused?: () => void;
}

/** Sending a validated form: accepted, refused with field errors, or queued on the device. */
export function useSubmission({ form, url, kind, onAccepted, onRefused }: Options) {
  const [sending, setSending] = useState(false);
  const [queued, setQueued] = useState<QueuedForm | null>(null);

  async function send(): Promise<void> {
    setSending(true);
    const result = await submit<RequestAccepted>(url, form.payload(), form.idempotencyKey(), kind);
    setSending(false);
    if (result.kind === 'invalid') {
      onRefused?.();
      form.showErrors(result.errors);
      return;
    }
    // Accepted or safe in the queue: the draft has done its job.
    form.clearDraft();
    if (result.kind === 'ok') onAccepted(result.body);
    else setQueued(result.queued);
  }

  /** The queued form reached the endpoint (QueuedNotice). */
  function sentLater(sentForm: SentForm): void {
    setQueued(null);
    if (sentForm.refused === undefined) {
      onAccepted({
        reference: sentForm.reference ?? '',
        dueDate: sentForm.dueDate ?? '',
        status: 'baru',
      });
      return;
    }
    onRefused?.();
    form.showErrors({
      form: `Formulir yang tersimpan ditolak server: ${sentForm.refused} Periksa isian lalu kirim lagi.`,
    });
  }

  return { sending, queued, send, sentLater };
}
