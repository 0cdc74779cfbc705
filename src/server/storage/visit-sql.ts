/**
 * The SQL of the walk-in desk (tables visits, kiosk_devices, kiosk_links; migration 8), apart
 * from the rest of the adapter like search-sql.ts. Each function takes the adapter's
 * prepared-statement cache. The writes run inside the worker's group commit, one after the
 * other, so reading the day's last number and inserting the next is atomic. Each statement's
 * `:office` is bound by the cache (sqlite-operations.ts).
 */
import type { AuditEntry, KioskDevice, NewVisit, Visit, VisitAction } from './store.ts';
import { toDevice, toVisit, type Row } from './rows.ts';
import type { Sql } from './sqlite-operations.ts';

const SELECT = `SELECT visits.*, staff_users.name AS staff_name FROM visits
  LEFT JOIN staff_users ON staff_users.id = visits.staff_id`;

const byId = (sql: Sql, id: number) =>
  toVisit(sql(`${SELECT} WHERE visits.id = :id AND visits.office = :office`).get({ id }) as Row);

function audit(sql: Sql, entry: AuditEntry): void {
  sql(
    `INSERT INTO audit_log (office, at, staff_id, action, target)
     VALUES (:office, :at, :staffId, :action, :target)`,
  ).run({ ...entry });
}

export function insertVisit(sql: Sql, visit: NewVisit): Visit | null {
  const taken = sql(
    // Ticket ids are unique across offices (the ticket's address does not name the office).
    'SELECT 1 FROM visits WHERE (office = :office AND reference = :reference) OR ticket_id = :ticketId',
  ).get({ reference: visit.reference, ticketId: visit.ticketId });
  if (taken) return null;
  const row = sql(
    `INSERT INTO visits (office, reference, ticket_id, day, service, prefix, seq, state, queued_at,
       arrived_at, name, phone, email, institution, topic)
     VALUES (:office, :reference, :ticketId, :day, :service, :prefix,
       (SELECT COALESCE(MAX(seq), 0) + 1 FROM visits
        WHERE office = :office AND day = :day AND service = :service),
       'menunggu', :at, :at, :name, :phone, :email, :institution, :topic)
     RETURNING id`,
  ).get({
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
  }) as Row;
  return byId(sql, Number(row.id));
}

export function listVisits(sql: Sql, day: string): Visit[] {
  return (
    sql(
      `${SELECT} WHERE visits.office = :office AND visits.day = :day
       ORDER BY visits.queued_at, visits.skips, visits.id`,
    ).all({ day }) as Row[]
  ).map(toVisit);
}

export function findVisit(
  sql: Sql,
  by: { ticketId: string } | { reference: string } | { id: number },
): Visit | null {
  const row = (
    'ticketId' in by
      ? sql(`${SELECT} WHERE visits.office = :office AND visits.ticket_id = :value`).get({
          value: by.ticketId,
        })
      : 'reference' in by
        ? sql(`${SELECT} WHERE visits.office = :office AND visits.reference = :value`).get({
            value: by.reference,
          })
        : sql(`${SELECT} WHERE visits.office = :office AND visits.id = :value`).get({
            value: by.id,
          })
  ) as Row | undefined;
  return row ? toVisit(row) : null;
}

export function callNextVisit(
  sql: Sql,
  call: { day: string; desk: string; services: readonly string[]; staffId: number; at: string },
): Visit | 'busy' | 'empty' {
  const busy = sql(
    `SELECT 1 FROM visits WHERE office = :office AND day = :day AND desk = :desk
       AND state IN ('dipanggil', 'dilayani')`,
  ).get({ day: call.day, desk: call.desk });
  if (busy) return 'busy';
  const names = call.services.map((_, index) => `:s${index}`).join(', ');
  const params = Object.fromEntries(call.services.map((service, index) => [`s${index}`, service]));
  const next = sql(
    `SELECT id FROM visits WHERE office = :office AND day = :day AND state = 'menunggu'
       AND service IN (${names})
     ORDER BY queued_at, skips, id LIMIT 1`,
  ).get({ day: call.day, ...params }) as Row | undefined;
  if (!next) return 'empty';
  const id = Number(next.id);
  sql(
    `UPDATE visits SET state = 'dipanggil', desk = :desk, staff_id = :staffId, called_at = :at,
       calls = calls + 1 WHERE id = :id AND office = :office`,
  ).run({ id, desk: call.desk, staffId: call.staffId, at: call.at });
  const visit = byId(sql, id);
  audit(sql, {
    at: call.at,
    staffId: call.staffId,
    action: 'loket-panggil',
    target: visit.reference,
  });
  return visit;
}

// What each action needs the visit to be, and what it writes.
const ACTIONS: Record<VisitAction['kind'], { from: string; set: string }> = {
  'panggil-ulang': { from: "'dipanggil'", set: 'calls = calls + 1, called_at = :at' },
  mulai: { from: "'dipanggil'", set: "state = 'dilayani', started_at = :at" },
  selesai: {
    from: "'dilayani'",
    set: "state = 'selesai', finished_at = :at, note = :note, follow_up_reference = :followUp",
  },
  // The first time back to the end of the queue (a fresh place; among visitors queued at the
  // same instant, after them: the order is queued_at, skips, id), the second time dropped.
  lewati: {
    from: "'dipanggil'",
    set: `state = CASE WHEN skips = 0 THEN 'menunggu' ELSE 'tidak_hadir' END,
      queued_at = CASE WHEN skips = 0 THEN :at ELSE queued_at END,
      desk = CASE WHEN skips = 0 THEN NULL ELSE desk END,
      skips = skips + 1`,
  },
};

export function actOnVisit(
  sql: Sql,
  act: { visitId: number; desk: string; staffId: number; at: string; action: VisitAction },
  queueMails: () => void,
): Visit | null {
  const { from, set } = ACTIONS[act.action.kind];
  const changed = sql(
    `UPDATE visits SET ${set}, staff_id = :staffId
     WHERE id = :id AND office = :office AND desk = :desk AND state IN (${from}) RETURNING id`,
  ).get({
    id: act.visitId,
    desk: act.desk,
    staffId: act.staffId,
    at: act.at,
    ...(act.action.kind === 'selesai'
      ? { note: act.action.note ?? null, followUp: act.action.followUpReference ?? null }
      : {}),
  }) as Row | undefined;
  if (!changed) return null;
  const visit = byId(sql, act.visitId);
  audit(sql, {
    at: act.at,
    staffId: act.staffId,
    action: `loket-${act.action.kind}`,
    target: visit.reference,
  });
  queueMails();
  return visit;
}

/** Empties the personal data of a visit; its times, desk and officer stay for the measure. */
export function eraseVisits(sql: Sql, where: string, params: Record<string, string>, at: string) {
  const rows = sql(
    `UPDATE visits SET name = NULL, phone = NULL, email = NULL, institution = NULL, topic = NULL,
       note = NULL, erased_at = :at
     WHERE office = :office AND erased_at IS NULL AND (${where}) RETURNING id`,
  ).all({ ...params, at }) as Row[];
  return rows.length;
}

export function createKioskLink(
  sql: Sql,
  link: { tokenHash: string; label: string; staffId: number | null; at: string; expiresAt: string },
): void {
  sql(
    `INSERT INTO kiosk_links (office, token_hash, label, created_at, created_by, expires_at)
     VALUES (:office, :tokenHash, :label, :at, :staffId, :expiresAt)`,
  ).run({ ...link });
  audit(sql, { at: link.at, staffId: link.staffId, action: 'kiosk-tautan', target: link.label });
}

export function pairKiosk(
  sql: Sql,
  linkHash: string,
  deviceHash: string,
  at: string,
): KioskDevice | null {
  const link = sql(
    `UPDATE kiosk_links SET used_at = :at
     WHERE token_hash = :linkHash AND office = :office AND used_at IS NULL AND expires_at > :at
     RETURNING label, created_by`,
  ).get({ linkHash, at }) as Row | undefined;
  if (!link) return null;
  const row = sql(
    `INSERT INTO kiosk_devices (office, token_hash, label, created_at, created_by, last_seen_at)
     VALUES (:office, :deviceHash, :label, :at, :createdBy, :at) RETURNING *`,
  ).get({
    deviceHash,
    label: String(link.label),
    at,
    createdBy: link.created_by as number | null,
  }) as Row;
  audit(sql, { at, staffId: null, action: 'kiosk-pasang', target: String(link.label) });
  return toDevice(row);
}

export function findKioskDevice(sql: Sql, tokenHash: string): KioskDevice | null {
  const row = sql(
    'SELECT * FROM kiosk_devices WHERE token_hash = :tokenHash AND office = :office AND revoked_at IS NULL',
  ).get({ tokenHash }) as Row | undefined;
  return row ? toDevice(row) : null;
}

export function listKioskDevices(sql: Sql): KioskDevice[] {
  return (
    sql(
      'SELECT * FROM kiosk_devices WHERE office = :office ORDER BY created_at DESC, id DESC',
    ).all() as Row[]
  ).map(toDevice);
}

export function revokeKioskDevice(sql: Sql, id: number, at: string, staffId: number): boolean {
  const row = sql(
    `UPDATE kiosk_devices SET revoked_at = :at
     WHERE id = :id AND office = :office AND revoked_at IS NULL RETURNING label`,
  ).get({ id, at }) as Row | undefined;
  if (!row) return false;
  audit(sql, { at, staffId, action: 'kiosk-cabut', target: String(row.label) });
  return true;
}
