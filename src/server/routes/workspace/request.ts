/**
 * /petugas/permintaan/NOMOR/: one request, its thread and what an officer does to it. Each
 * action is its own post, answered with a 303 back to the page and a notice (post, redirect,
 * get: a reload sends nothing twice). An error or a conflict draws the page again with what
 * the officer typed.
 */
import { Hono, type Context } from 'hono';
import { replyText } from '../../../lib/reply-text.ts';
import { normalizeReference } from '../../../lib/reference.ts';
import { checkSlots, MAX_SLOTS } from '../../../lib/meeting-slots.ts';
import { clockOf, sla } from '../../../lib/sla.ts';
import { STAFF_STATUS_LABELS, STATUSES } from '../../domain/lifecycle.ts';
import { cancelMeeting, proposeMeeting, recordMeeting } from '../../domain/meetings.ts';
import {
  actOnRequest,
  type ActionOutcome,
  type StaffAction,
} from '../../domain/request-actions.ts';
import type { WorkspaceEnv } from '../../http/staff-session.ts';
import { erasedItems, renderErasurePage } from '../../pages/staff/ErasurePage.tsx';
import {
  EMPTY_DRAFT,
  NOTE_MAX,
  renderRequestPage,
  REPLY_MAX,
  type RequestDraft,
  type RequestPageProps,
} from '../../pages/staff/RequestPage.tsx';
import { renderWorkspaceNotice } from '../../pages/staff/WorkspaceNotice.tsx';
import { pageLook, type Services } from '../../services.ts';
import type { RequestStatus, StoredRequest } from '../../storage/store.ts';
import { todayIn } from '../staff/request-list.ts';

/** What each action's notice says, by the `selesai` value of the redirect. */
const DONE: Record<string, string> = {
  balasan: 'Balasan terkirim. Pengguna melihatnya di halaman Cek status.',
  lengkapi:
    'Permintaan ditandai perlu dilengkapi dan pesan Anda terkirim. Batas waktu berhenti sampai pengguna membalas.',
  'pertemuan-usul': 'Usulan pertemuan terkirim ke pengguna.',
  'pertemuan-batal': 'Pertemuan dibatalkan; pengguna diberi tahu.',
  'pertemuan-catat': 'Catatan pertemuan disimpan.',
  status: 'Status diubah.',
  catatan: 'Catatan internal disimpan.',
  penugasan: 'Penugasan disimpan.',
  spam: 'Permintaan ditandai sebagai spam.',
  'bukan-spam': 'Tanda spam dilepas.',
  'data-dihapus': 'Data pribadi permintaan ini telah dihapus.',
};

// A template's fill-in marks ("[Tulis jawaban di sini …]") must not reach the citizen.
const UNFILLED = /\[Tulis [^\]]*\]/;

type Ctx = Context<WorkspaceEnv>;

export function requestPageRoutes(services: Services): Hono<WorkspaceEnv> {
  const { store, clock, holidays, office } = services;
  const routes = new Hono<WorkspaceEnv>();

  async function find(c: Ctx): Promise<StoredRequest | null> {
    const typed = c.req.param('reference') ?? '';
    return store.findRequest(normalizeReference(typed) ?? typed);
  }

  function notFound(c: Ctx) {
    return c.html(
      renderWorkspaceNotice({
        look: pageLook(services),
        signed: c.get('session'),
        title: 'Permintaan tidak ditemukan',
        message:
          'Tidak ada permintaan dengan nomor ini. Periksa nomornya, atau cari di kotak masuk.',
        back: { href: '/petugas/', label: 'Kembali ke kotak masuk' },
      }),
      404,
    );
  }

  function templatesFor(request: StoredRequest) {
    return services.replyTemplates
      .filter((template) => template.kinds.includes(request.kind))
      .map((template) => ({
        id: template.id,
        title: template.title,
        text: replyText(template.body, office.siteUrl),
      }));
  }

  /** The page, freshly read, with the officer's draft, errors or notice. */
  async function page(
    c: Ctx,
    request: StoredRequest,
    status: 200 | 400 | 409,
    extra: Partial<
      Pick<RequestPageProps, 'draft' | 'errors' | 'notice' | 'conflict' | 'inserted' | 'slotErrors'>
    > = {},
  ) {
    const [history, mails, officers, meetings] = await Promise.all([
      store.history(request.id),
      store.listOutbox({ pendingOnly: false, requestId: request.id }),
      store.listStaff(),
      store.meetingsOf(request.id),
    ]);
    const today = todayIn(clock.now());
    const counts = {
      replies: history.filter((entry) => entry.reply !== null).length,
      notes: history.filter((entry) => entry.note !== null).length,
      mails: mails.length,
    };
    return c.html(
      renderRequestPage({
        look: pageLook(services),
        signed: c.get('session'),
        request,
        history,
        mails,
        sla: sla(request.dueDate, today, holidays, clockOf(request)),
        officers: officers.filter((officer) => officer.active),
        templates: templatesFor(request),
        autoCloseDays: services.standard.limits.autoCloseDays,
        erasure: erasedItems(request, counts),
        meetings,
        now: clock.now(),
        ...extra,
      }),
      status,
    );
  }

  const done = (c: Ctx, request: StoredRequest, what: keyof typeof DONE) =>
    c.redirect(`/petugas/permintaan/${request.reference}/?selesai=${what}`, 303);

  function draftOf(form: Record<string, string>): RequestDraft {
    const after = form.setelah === 'lengkapi' || form.setelah === 'tutup' ? form.setelah : 'tunggu';
    return {
      message: (form.message ?? '').slice(0, REPLY_MAX),
      template: form.template ?? '',
      after,
      note: (form.catatan ?? '').slice(0, NOTE_MAX),
      slots: Array.from({ length: MAX_SLOTS }, (_, index) => ({
        date: form[`tanggal${index}`] ?? '',
        time: form[`jam${index}`] ?? '',
        minutes: form[`lama${index}`] ?? '',
        mode: form[`cara${index}`] ?? '',
        link: (form[`tautan${index}`] ?? '').slice(0, 500),
      })),
    };
  }

  /** The version the officer's page was drawn from; null when the form did not carry one. */
  function seenVersion(form: Record<string, string>): number | null {
    const version = Number(form.versi);
    return form.versi !== undefined && Number.isInteger(version) && version >= 0 ? version : null;
  }

  /** Applies an action and answers: 303 on success, the page with what went wrong otherwise. */
  async function act(
    c: Ctx,
    request: StoredRequest,
    action: Omit<StaffAction, 'seen'>,
    audit: string,
    what: keyof typeof DONE,
    draft: RequestDraft = EMPTY_DRAFT,
  ) {
    const version = seenVersion(c.get('form'));
    if (version === null) {
      return page(c, request, 400, {
        draft,
        errors: { form: 'Formulir belum dapat diproses. Muat ulang halaman lalu kirim lagi.' },
      });
    }
    const outcome: ActionOutcome = await actOnRequest(
      services,
      request,
      { ...action, seen: { version } },
      { staffId: c.get('session').officer.id, audit },
    );
    if (outcome.ok) return done(c, request, what);
    const fresh = (await store.findRequest(request.reference)) ?? request;
    if (outcome.reason === 'conflict') return page(c, fresh, 409, { draft, conflict: true });
    const message =
      outcome.reason === 'request_erased'
        ? 'Data pribadi permintaan ini sudah dihapus: tidak ada alamat untuk dibalas.'
        : `Status tidak dapat diubah dari ${STAFF_STATUS_LABELS[request.status]} menjadi ${STAFF_STATUS_LABELS[action.to ?? request.status]}.`;
    return page(c, fresh, 409, { draft, errors: { form: message } });
  }

  routes.get('/:reference/', async (c) => {
    const request = await find(c);
    if (!request) return notFound(c);
    const notice = DONE[c.req.query('selesai') ?? ''];
    return page(c, request, 200, { notice });
  });

  routes.post('/:reference/balas/', async (c) => {
    const request = await find(c);
    if (!request) return notFound(c);
    const form = c.get('form');
    const draft = draftOf(form);
    if (form.aksi === 'sisipkan') {
      const template = templatesFor(request).find((t) => t.id === draft.template);
      const message = template
        ? [draft.message.trimEnd(), template.text].filter(Boolean).join('\n\n')
        : draft.message;
      return page(c, request, 200, { draft: { ...draft, message }, inserted: true });
    }
    const message = draft.message.trim();
    const error = !message
      ? 'Tulis balasan untuk pengguna.'
      : (form.message ?? '').length > REPLY_MAX
        ? `Balasan paling banyak ${REPLY_MAX} karakter.`
        : UNFILLED.test(message)
          ? 'Ganti teks dalam tanda [ ] dengan jawaban Anda sebelum mengirim.'
          : null;
    if (error) return page(c, request, 400, { draft, errors: { message: error } });
    const to: RequestStatus = draft.after === 'tutup' ? 'selesai' : 'menunggu_pengguna';
    const needsInfo = draft.after === 'lengkapi';
    return act(
      c,
      request,
      { to, reply: message, needsInfo },
      needsInfo ? 'perlu-dilengkapi' : 'balas',
      needsInfo ? 'lengkapi' : 'balasan',
      draft,
    );
  });

  routes.post('/:reference/status/', async (c) => {
    const request = await find(c);
    if (!request) return notFound(c);
    const to = c.get('form').status as RequestStatus;
    if (!STATUSES.includes(to)) {
      return page(c, request, 400, { errors: { form: 'Pilih status yang baru.' } });
    }
    return act(c, request, { to }, 'ubah-status', 'status');
  });

  routes.post('/:reference/catatan/', async (c) => {
    const request = await find(c);
    if (!request) return notFound(c);
    const draft = draftOf(c.get('form'));
    const note = draft.note.trim();
    const tooLong = (c.get('form').catatan ?? '').length > NOTE_MAX;
    if (!note || tooLong) {
      const message = tooLong ? `Catatan paling banyak ${NOTE_MAX} karakter.` : 'Tulis catatannya.';
      return page(c, request, 400, { draft, errors: { catatan: message } });
    }
    return act(c, request, { note }, 'catatan', 'catatan', draft);
  });

  routes.post('/:reference/tetapkan/', async (c) => {
    const request = await find(c);
    if (!request) return notFound(c);
    const chosen = c.get('form').petugas ?? '';
    const officers = (await store.listStaff()).filter((officer) => officer.active);
    const officer = officers.find((o) => String(o.id) === chosen);
    if (chosen !== '' && !officer) {
      return page(c, request, 400, { errors: { form: 'Pilih petugas yang aktif.' } });
    }
    const event = officer ? `Ditugaskan kepada ${officer.name}` : 'Penugasan dilepas';
    return act(c, request, { assignedTo: officer?.id ?? null, event }, 'tetapkan', 'penugasan');
  });

  routes.post('/:reference/spam/', async (c) => {
    const request = await find(c);
    if (!request) return notFound(c);
    const spam = c.get('form').spam === '1';
    const event = spam ? 'Ditandai sebagai spam' : 'Tanda spam dilepas';
    return act(
      c,
      request,
      { spam, event },
      spam ? 'spam' : 'bukan-spam',
      spam ? 'spam' : 'bukan-spam',
    );
  });

  routes.post('/:reference/pertemuan/', async (c) => {
    const request = await find(c);
    if (!request) return notFound(c);
    const draft = draftOf(c.get('form'));
    const { slots, errors } = checkSlots(draft.slots, clock.now(), holidays);
    if (Object.keys(errors).length > 0 || slots.length === 0) {
      const slotErrors =
        slots.length === 0 && Object.keys(errors).length === 0
          ? { 0: 'Isi paling sedikit satu waktu.' }
          : errors;
      return page(c, request, 400, {
        draft,
        slotErrors,
        errors: { form: 'Periksa waktu pertemuan yang diusulkan.' },
      });
    }
    if (request.status === 'selesai' || request.erasedAt) {
      return page(c, request, 409, { errors: { form: 'Permintaan ini sudah selesai.' } });
    }
    await proposeMeeting(services, request, c.get('session').officer, slots);
    return done(c, request, 'pertemuan-usul');
  });

  async function meetingIn(c: Ctx, request: StoredRequest) {
    const id = Number(c.req.param('meeting'));
    return (await store.meetingsOf(request.id)).find((meeting) => meeting.id === id) ?? null;
  }

  routes.post('/:reference/pertemuan/:meeting/batal/', async (c) => {
    const request = await find(c);
    if (!request) return notFound(c);
    const meeting = await meetingIn(c, request);
    const reason = (c.get('form').alasan ?? '').trim().slice(0, 500);
    if (!meeting) return notFound(c);
    if (!reason)
      return page(c, request, 400, { errors: { form: 'Tulis alasan pembatalan untuk pengguna.' } });
    const officer = c.get('session').officer;
    const cancelled = await cancelMeeting(
      services,
      request,
      meeting,
      { side: 'petugas', staffId: officer.id },
      reason,
    );
    if (!cancelled) return page(c, request, 409, { conflict: true });
    return done(c, request, 'pertemuan-batal');
  });

  routes.post('/:reference/pertemuan/:meeting/catat/', async (c) => {
    const request = await find(c);
    if (!request) return notFound(c);
    const meeting = await meetingIn(c, request);
    if (!meeting) return notFound(c);
    const held = c.get('form').terlaksana === '1';
    const recorded = await recordMeeting(
      services,
      request,
      meeting,
      held,
      c.get('session').officer.id,
    );
    if (!recorded) return page(c, request, 409, { conflict: true });
    return done(c, request, 'pertemuan-catat');
  });

  routes.get('/:reference/hapus/', async (c) => {
    const request = await find(c);
    if (!request) return notFound(c);
    if (request.erasedAt) return done(c, request, 'data-dihapus');
    const [history, mails] = await Promise.all([
      store.history(request.id),
      store.listOutbox({ pendingOnly: false, requestId: request.id }),
    ]);
    return c.html(
      renderErasurePage({
        look: pageLook(services),
        signed: c.get('session'),
        request,
        counts: {
          replies: history.filter((entry) => entry.reply !== null).length,
          notes: history.filter((entry) => entry.note !== null).length,
          mails: mails.length,
        },
      }),
    );
  });

  routes.post('/:reference/hapus/', async (c) => {
    const request = await find(c);
    if (!request) return notFound(c);
    const officer = c.get('session').officer;
    const at = clock.now().toISOString();
    await store.erasePersonalData(
      { reference: request.reference },
      at,
      'petugas',
      'Data pribadi dihapus',
      officer.id,
    );
    await store.audit({ at, staffId: officer.id, action: 'hapus-data', target: request.reference });
    return done(c, request, 'data-dihapus');
  });

  return routes;
}
