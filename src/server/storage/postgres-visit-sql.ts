/**
 * The SQL of the walk-in desk on PostgreSQL, as visit-sql.ts is on SQLite. SQLite's single
 * writer makes "read the day's last number, insert the next" and "is the desk free, call the
 * first waiting" atomic; here the day's queue is taken under a transaction-scoped advisory
 * lock instead, so two kiosks or two desks on different instances never share a number or a
 * visitor. Every function runs inside the caller's transaction, its `:office` bound by the
 * store's query (postgres-operations.ts).
 */
import type { AuditEntry, KioskDevice, NewVisit, Visit, VisitAction } from './store.ts';
import { lockKey, type Query } from './postgres-query.ts';
import { toDevice, toVisit } from './rows.ts';

const SELECT = `SELECT visits.*, staff_users.name AS staff_name FROM visits
  LEFT JOIN staff_users ON staff_users.id = visits.staff_id`;

const byId = async (query: Query, id: number) =>
  toVisit((await query(`${SELECT} WHERE visits.id = :id AND visits.office = :office`, { id }))[0]);

const lockQueue = (query: Query, day: string) => lockKey(query, `antrean:${day}`);

async function audit(query: Query, entry: AuditEntry): Promise<void> {
  await query(
    `INSERT INTO audit_log (office, at, staff_id, action, target)
     VALUES (:office, :at, :staffId, :action, :target)`,
    { ...entry },
  );
}

export async function insertVisit(query: Query, visit: NewVisit): Promise<Visit | null> {
  await lockQueue(query, visit.day);
  // The random reference or ticket id taken: nothing is inserted, the caller draws again.
  const [row] = await query(
    `INSERT INTO visits (office, reference, ticket_id, day, service, prefix, seq, state, queued_at,
       arrived_at, name, phone, email, institution, topic)
     VALUES (:office, :reference, :ticketId, :day, :service, :prefix,
       (SELECT COALESCE(MAX(seq), 0) + 1 FROM visits
        WHERE office = :office AND day = :day AND service = :service),
       'menunggu', :at, :at, :name, :phone, :email, :institution, :topic)
     ON CONFLICT DO NOTHING RETURNING id`,
    {
      reference: visit.reference,
      ticketId: visit.ticketId,
      day: visit.day,
      service: visit.service,
      prefix: visit.prefix,
      at: visit.at,
      name: visit.name,
      phone: visit.phone ?? null,
      email: visit.email ?? null,
      institution: visit.institution ?? null,
      topic: visit.topic,
    },
  );
  return row ? byId(query, Number(row.id)) : null;
}

export async function listVisits(query: Query, day: string): Promise<Visit[]> {
  return (
    await query(
      `${SELECT} WHERE visits.office = :office AND visits.day = :day
       ORDER BY visits.queued_at, visits.skips, visits.id`,
      { day },
    )
  ).map(toVisit);
}

export async function findVisit(
  query: Query,
  by: { ticketId: string } | { reference: string } | { id: number },
): Promise<Visit | null> {
  const [row] =
    'ticketId' in by
      ? await query(`${SELECT} WHERE visits.office = :office AND visits.ticket_id = :value`, {
          value: by.ticketId,
        })
      : 'reference' in by
        ? await query(`${SELECT} WHERE visits.office = :office AND visits.reference = :value`, {
            value: by.reference,
          })
        : await query(`${SELECT} WHERE visits.office = :office AND visits.id = :value`, {
            value: by.id,
          });
  return row ? toVisit(row) : null;
}

export async function callNextVisit(
  query: Query,
  call: { day: string; desk: string; services: readonly string[]; staffId: number; at: string },
): Promise<Visit | 'busy' | 'empty'> {
  await lockQueue(query, call.day);
  const [busy] = await query(
    `SELECT 1 FROM visits WHERE office = :office AND day = :day AND desk = :desk
       AND state IN ('dipanggil', 'dilayani')`,
    { day: call.day, desk: call.desk },
  );
  if (busy) return 'busy';
  const names = call.services.map((_, index) => `:s${index}`).join(', ');
  const params = Object.fromEntries(call.services.map((service, index) => [`s${index}`, service]));
  const [next] = await query(
    `SELECT id FROM visits WHERE office = :office AND day = :day AND state = 'menunggu'
       AND service IN (${names})
     ORDER BY queued_at, skips, id LIMIT 1`,
    { day: call.day, ...params },
  );
  if (!next) return 'empty';
  const id = Number(next.id);
  await query(
    `UPDATE visits SET state = 'dipanggil', desk = :desk, staff_id = :staffId, called_at = :at,
       calls = calls + 1 WHERE id = :id AND office = :office`,
    { id, desk: call.desk, staffId: call.staffId, at: call.at },
  );
  const visit = await byId(query, id);
  await audit(query, {
    at: call.at,
    staffId: call.staffId,
    action: 'loket-panggil',
    target: visit.reference,
  });
  return visit;
}

// What each action needs the visit to be, and what it writes (as in visit-sql.ts).
const ACTIONS: Record<VisitAction['kind'], { from: string; set: string }> = {
  'panggil-ulang': { from: "'dipanggil'", set: 'calls = calls + 1, called_at = :at' },
  mulai: { from: "'dipanggil'", set: "state = 'dilayani', started_at = :at" },
  selesai: {
    from: "'dilayani'",
    set: "state = 'selesai', finished_at = :at, note = :note, follow_up_reference = :followUp",
  },
  lewati: {
    from: "'dipanggil'",
    set: `state = CASE WHEN skips = 0 THEN 'menunggu' ELSE 'tidak_hadir' END,
      queued_at = CASE WHEN skips = 0 THEN :at ELSE queued_at END,
      desk = CASE WHEN skips = 0 THEN NULL ELSE desk END,
      skips = skips + 1`,
  },
};

/** A conditional UPDATE: of two desks acting at once, the second finds the state moved on. */
export async function actOnVisit(
  query: Query,
  act: { visitId: number; desk: string; staffId: number; at: string; action: VisitAction },
  queueMails: () => Promise<void>,
): Promise<Visit | null> {
  const { from, set } = ACTIONS[act.action.kind];
  const [changed] = await query(
    `UPDATE visits SET ${set}, staff_id = :staffId
     WHERE id = :id AND office = :office AND desk = :desk AND state IN (${from}) RETURNING id`,
    {
      id: act.visitId,
      desk: act.desk,
      staffId: act.staffId,
      at: act.at,
      ...(act.action.kind === 'selesai'
        ? { note: act.action.note ?? null, followUp: act.action.followUpReference ?? null }
        : {}),
    },
  );
  if (!changed) return null;
  const visit = await byId(query, act.visitId);
  await audit(query, {
    at: act.at,
    staffId: act.staffId,
    action: `loket-${act.action.kind}`,
    target: visit.reference,
  });
  await queueMails();
  return visit;
}

/** Empties the personal data of a visit; its times, desk and officer stay for the measure. */
export async function eraseVisits(
  query: Query,
  where: string,
  params: Record<string, string>,
  at: string,
): Promise<number> {
  const rows = await query(
    `UPDATE visits SET name = NULL, phone = NULL, email = NULL, institution = NULL, topic = NULL,
       note = NULL, erased_at = :at
     WHERE office = :office AND erased_at IS NULL AND (${where}) RETURNING id`,
    { ...params, at },
  );
  return rows.length;
}

export async function createKioskLink(
  query: Query,
  link: { tokenHash: string; label: string; staffId: number | null; at: string; expiresAt: string },
): Promise<void> {
  await query(
    `INSERT INTO kiosk_links (office, token_hash, label, created_at, created_by, expires_at)
     VALUES (:office, :tokenHash, :label, :at, :staffId, :expiresAt)`,
    { ...link },
  );
  await audit(query, {
    at: link.at,
    staffId: link.staffId,
    action: 'kiosk-tautan',
    target: link.label,
  });
}

export async function pairKiosk(
  query: Query,
  linkHash: string,
  deviceHash: string,
  at: string,
): Promise<KioskDevice | null> {
  const [link] = await query(
    `UPDATE kiosk_links SET used_at = :at
     WHERE token_hash = :linkHash AND office = :office AND used_at IS NULL AND expires_at > :at
     RETURNING label, created_by`,
    { linkHash, at },
  );
  if (!link) return null;
  const [row] = await query(
    `INSERT INTO kiosk_devices (office, token_hash, label, created_at, created_by, last_seen_at)
     VALUES (:office, :deviceHash, :label, :at, :createdBy, :at) RETURNING *`,
    {
      deviceHash,
      label: String(link.label),
      at,
      createdBy: link.created_by as number | null,
    },
  );
  await audit(query, { at, staffId: null, action: 'kiosk-pasang', target: String(link.label) });
  return toDevice(row);
}

export async function findKioskDevice(
  query: Query,
  tokenHash: string,
): Promise<KioskDevice | null> {
  const [row] = await query(
    'SELECT * FROM kiosk_devices WHERE token_hash = :tokenHash AND office = :office AND revoked_at IS NULL',
    { tokenHash },
  );
  return row ? toDevice(row) : null;
}

export async function listKioskDevices(query: Query): Promise<KioskDevice[]> {
  return (
    await query(
      'SELECT * FROM kiosk_devices WHERE office = :office ORDER BY created_at DESC, id DESC',
    )
  ).map(toDevice);
}

export async function revokeKioskDevice(
  query: Query,
  id: number,
  at: string,
  staffId: number,
): Promise<boolean> {
  const [row] = await query(
    `UPDATE kiosk_devices SET revoked_at = :at
     WHERE id = :id AND office = :office AND revoked_at IS NULL RETURNING label`,
    { id, at },
  );
  if (!row) return false;
  await audit(query, { at, staffId, action: 'kiosk-cabut', target: String(row.label) });
  return true;
}
