/** /petugas/: the inbox, and /petugas/unduh.csv: the requests of a period for a spreadsheet. */
import { Hono } from 'hono';
import { clockOf, sla } from '../../../lib/sla.ts';
import { requestsCsv } from '../../domain/request-export.ts';
import type { WorkspaceEnv } from '../../http/staff-session.ts';
import { renderInboxPage } from '../../pages/staff/InboxPage.tsx';
import { renderWorkspaceNotice } from '../../pages/staff/WorkspaceNotice.tsx';
import { pageLook, type Services } from '../../services.ts';
import { slotLabel } from '../../../lib/meeting-slots.ts';
import { addDays, jakartaDateTime, jakartaMidnight } from '../../../lib/working-days.ts';
import { todayIn } from '../staff/request-list.ts';
import { PAGE_SIZE, parseInboxQuery, toRequestFilter } from './inbox-query.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: string | undefined): value is string =>
  value !== undefined && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export function inboxRoutes(services: Services): Hono<WorkspaceEnv> {
  const { store, clock, holidays } = services;
  const routes = new Hono<WorkspaceEnv>();

  routes.get('/', async (c) => {
    const session = c.get('session');
    const query = parseInboxQuery(new URL(c.req.url).searchParams);
    const today = todayIn(clock.now());
    const tomorrow = addDays(today, 1);
    const [{ total, items }, counts, officers, meetings] = await Promise.all([
      store.listRequests(toRequestFilter(query, session.officer.id, today)),
      store.countByStatus(),
      store.listStaff(),
      store.meetingsStarting(
        jakartaMidnight(today).toISOString(),
        jakartaMidnight(addDays(today, 2)).toISOString(),
      ),
    ]);
    const upcoming = meetings.flatMap((meeting) => {
      const slot = meeting.slots.find((s) => s.id === meeting.chosenSlot);
      if (!slot) return [];
      const day = jakartaDateTime(new Date(slot.startsAt)).date === tomorrow ? 'besok' : 'hari ini';
      return [{ reference: meeting.reference, label: slotLabel(slot), day } as const];
    });
    const names = new Map(officers.map((officer) => [officer.id, officer.name]));
    return c.html(
      renderInboxPage({
        look: pageLook(services),
        signed: session,
        query,
        counts,
        total,
        pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        rows: items.map((request) => ({
          request,
          sla: sla(request.dueDate, today, holidays, clockOf(request)),
          assignee: request.assignedTo === null ? null : (names.get(request.assignedTo) ?? null),
        })),
        exportPeriod: { from: `${today.slice(0, 8)}01`, to: today },
        upcoming,
      }),
    );
  });

  routes.get('/unduh.csv', async (c) => {
    const session = c.get('session');
    const { dari, sampai, pemisah } = c.req.query();
    if (!validDate(dari) || !validDate(sampai) || dari > sampai) {
      return c.html(
        renderWorkspaceNotice({
          look: pageLook(services),
          signed: session,
          title: 'Periode belum benar',
          message:
            'Isi tanggal awal dan tanggal akhir, dengan tanggal awal tidak sesudah tanggal akhir.',
          back: { href: '/petugas/#unduh', label: 'Kembali ke kotak masuk' },
        }),
        400,
      );
    }
    const { items } = await store.listRequests({
      createdFrom: jakartaMidnight(dari).toISOString(),
      createdBefore: jakartaMidnight(addDays(sampai, 1)).toISOString(),
      spam: 'exclude',
    });
    const now = clock.now();
    await store.audit({
      at: now.toISOString(),
      staffId: session.officer.id,
      action: 'unduh-csv',
      target: `${dari}..${sampai}`,
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="permintaan-${dari}-${sampai}.csv"`);
    return c.body(requestsCsv(items, todayIn(now), pemisah === 'koma' ? ',' : ';'));
  });

  return routes;
}
