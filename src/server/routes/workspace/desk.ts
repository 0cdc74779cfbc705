/**
 * /petugas/loket/: the consultation desk. The officer picks a desk (?meja=), then calls the
 * next number, calls again, starts, finishes (with a note and, when the visitor agrees, an
 * online follow-up: a consultation request in their name) or skips an absent visitor (back to
 * the end of the queue once, then dropped). Every action is a post with the session's CSRF
 * token (workspace-post.ts), refused when the visit moved on meanwhile, audited in the same
 * write (storage), and announced to the display's stream.
 */
import { Hono, type Context } from 'hono';
import type { Loket } from '../../../content-schemas/loket.ts';
import { saveRequest } from '../../domain/intake.ts';
import { queueDay, visitReport } from '../../domain/walk-in.ts';
import type { QueueChange } from '../../domain/queue-events.ts';
import type { WorkspaceEnv } from '../../http/staff-session.ts';
import { visitRatingInvitation } from '../../mail/compose.ts';
import { renderDeskPage } from '../../pages/staff/DeskPage.tsx';
import { mailContext, pageLook, type Services } from '../../services.ts';
import type { VisitAction } from '../../storage/store.ts';
import { NEXT_SHOWN } from '../../domain/walk-in.ts';

type Ctx = Context<WorkspaceEnv>;

const NOTE_MAX = 500;

const NOTICES: Record<string, string> = {
  panggil: 'Nomor berikutnya dipanggil. Layar antrean sudah menampilkannya.',
  kosong: 'Tidak ada yang menunggu.',
  ulang: 'Nomor dipanggil ulang.',
  mulai: 'Layanan dimulai.',
  selesai: 'Layanan selesai.',
  'selesai-tindak-lanjut': 'Layanan selesai. Permintaan konsultasi online dibuat untuk pengunjung.',
  lewati: 'Nomor dilewati.',
};

const ACTIONS: Record<string, VisitAction['kind']> = {
  ulang: 'panggil-ulang',
  mulai: 'mulai',
  selesai: 'selesai',
  lewati: 'lewati',
};

export function deskRoutes(services: Services, loket: Loket): Hono<WorkspaceEnv> {
  const { store, clock } = services;
  const routes = new Hono<WorkspaceEnv>();
  const deskOf = (value: string | undefined) =>
    loket.desks.find((desk) => desk.id === value)?.id ?? null;

  async function page(
    c: Ctx,
    status: 200 | 400 | 409,
    desk: string | null,
    extra: Pick<Parameters<typeof renderDeskPage>[0], 'notice' | 'errors' | 'values'> = {},
  ) {
    const day = queueDay(clock.now());
    const visits = await store.listVisits(day);
    const waiting = visits.filter((visit) => visit.state === 'menunggu');
    return c.html(
      renderDeskPage({
        look: pageLook(services),
        signed: c.get('session'),
        loket,
        desk,
        current:
          visits.find(
            (visit) =>
              visit.desk === desk && (visit.state === 'dipanggil' || visit.state === 'dilayani'),
          ) ?? null,
        waiting: waiting.length,
        next: waiting.slice(0, NEXT_SHOWN).map((visit) => visit.number),
        report: visitReport(loket, visits, services.standard.limits.walkInMinutes),
        ...extra,
      }),
      status,
    );
  }

  const back = (c: Ctx, desk: string, done: string) =>
    c.redirect(`/petugas/loket/?meja=${encodeURIComponent(desk)}&selesai=${done}`, 303);
  const announce = (kind: QueueChange['kind']) =>
    services.queueEvents.emit({ kind, day: queueDay(clock.now()) });
  const unknownDesk = (c: Ctx) =>
    page(c, 400, null, { errors: { form: 'Pilih meja yang ada di daftar, lalu coba lagi.' } });

  routes.get('/', (c) =>
    page(c, 200, deskOf(c.req.query('meja')), { notice: NOTICES[c.req.query('selesai') ?? ''] }),
  );

  routes.post('/panggil/', async (c) => {
    const desk = deskOf(c.get('form').meja);
    if (!desk) return unknownDesk(c);
    const called = await store.callNextVisit({
      day: queueDay(clock.now()),
      desk,
      services: loket.services.map((service) => service.id),
      staffId: c.get('session').officer.id,
      at: clock.now().toISOString(),
    });
    if (called === 'busy') {
      return page(c, 409, desk, {
        errors: {
          form: 'Meja ini masih memanggil atau melayani satu nomor. Selesaikan atau lewati nomor itu dulu.',
        },
      });
    }
    if (called === 'empty') return back(c, desk, 'kosong');
    announce('panggil');
    return back(c, desk, 'panggil');
  });

  routes.post('/:id/:action/', async (c) => {
    const form = c.get('form');
    const desk = deskOf(form.meja);
    if (!desk) return unknownDesk(c);
    const kind = ACTIONS[c.req.param('action')];
    const visitId = Number(c.req.param('id'));
    if (!kind || !Number.isSafeInteger(visitId)) return c.notFound();
    const officer = c.get('session').officer;
    const at = clock.now();
    let action: VisitAction = { kind } as VisitAction;
    let mails: ReturnType<typeof visitRatingInvitation> = [];
    let followedUp = false;
    if (kind === 'selesai') {
      const note = (form.catatan ?? '').trim().replace(/\r\n?/g, '\n');
      const values = { catatan: form.catatan ?? '', tindak_lanjut: form.tindak_lanjut ?? '' };
      if (note.length > NOTE_MAX)
        return page(c, 400, desk, {
          errors: { catatan: `Catatan paling banyak ${NOTE_MAX} karakter.` },
          values,
        });
      const visit = await store.findVisit({ id: visitId });
      if (!visit || visit.desk !== desk || visit.state !== 'dilayani')
        return page(c, 409, desk, {
          errors: { form: 'Kunjungan ini sudah berubah. Lihat keadaannya sekarang di bawah.' },
        });
      let followUpReference: string | undefined;
      if (form.tindak_lanjut === 'ya') {
        if (!visit.email || !visit.name) {
          return page(c, 400, desk, {
            errors: {
              tindak_lanjut:
                'Pengunjung tidak mengisi email di buku tamu, jadi tindak lanjut online tidak dapat dibuat. Minta pengunjung mengajukan konsultasi di situs.',
            },
            values,
          });
        }
        // Keyed by the visit: a second click does not open a second request.
        const saved = await saveRequest(
          services,
          'konsultasi',
          {
            name: visit.name,
            email: visit.email,
            phone: visit.phone,
            topic: visit.topic ?? 'Tindak lanjut kunjungan',
            question: note
              ? `Tindak lanjut kunjungan ${visit.reference}: ${note}`
              : `Tindak lanjut kunjungan ${visit.reference}.`,
            channel: 'percakapan_online',
          },
          { idempotencyKey: `kunjungan:${visit.reference}`, spam: false, now: at },
        );
        followUpReference = String(saved.body.reference);
        followedUp = true;
        if (saved.queuedMail) services.nudgeOutbox();
      }
      action = { kind, note: note || undefined, followUpReference };
      mails = visitRatingInvitation(visit, mailContext(services));
    }
    const changed = await store.actOnVisit(
      { visitId, desk, staffId: officer.id, at: at.toISOString(), action },
      mails,
    );
    if (!changed) {
      return page(c, 409, desk, {
        errors: { form: 'Kunjungan ini sudah berubah. Lihat keadaannya sekarang di bawah.' },
      });
    }
    if (mails.length > 0) services.nudgeOutbox();
    announce(kind);
    return back(c, desk, followedUp ? 'selesai-tindak-lanjut' : c.req.param('action'));
  });

  return routes;
}
