/**
 * "Memiliki akun pada aplikasi pelayanan" / "melakukan registrasi", without passwords: the
 * e-mail address is the account, proven by a link mailed to it. The first request from an
 * address gets the confirmation link; confirming starts the clock of every request waiting
 * for it and sends their acknowledgements. A confirmed citizen signs in to "Permintaan saya"
 * with a one-time link (src/server/routes/account/).
 *
 * Links are random (256 bits) and kept only as their SHA-256; the mail that carried one has
 * its text emptied once sent (markMailSent), so the database never holds a usable link.
 */
import { dueDate } from '../../lib/working-days.ts';
import { confirmationMail, newRequestMails, signInMail } from '../mail/compose.ts';
import { hashToken, newToken } from '../http/session-cookie.ts';
import { dueDateRule, mailContext, type AppDeps, type Services } from '../services.ts';
import type { NewCitizenToken, NewMail } from '../storage/store.ts';

const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;
// A forgotten tab or a bot asking again and again still gets only a few mails an hour.
const SIGN_IN_MAILS_PER_HOUR = 3;

/**
 * The confirmation link for an address not yet confirmed, with its mail: stored together with
 * the request that asks for it (Store.insertRequest), unless a link is still valid.
 */
export function confirmationOffer(
  services: Services,
  email: string,
  now: Date,
): NewCitizenToken & { mails: NewMail[] } {
  const days = services.office.conversation.confirmWithinDays;
  const token = newToken();
  const context = mailContext(services);
  return {
    tokenHash: hashToken(token),
    email,
    purpose: 'konfirmasi',
    at: now.toISOString(),
    expiresAt: new Date(now.getTime() + days * DAY_MS).toISOString(),
    mails: [
      confirmationMail(
        email,
        `${context.endpointOrigin}/akun/konfirmasi/?token=${token}`,
        context,
        days,
      ),
    ],
  };
}

/**
 * Uses a confirmation link: the address is confirmed and each of its waiting requests gets
 * its due date from now, its acknowledgement and the staff notice. The address, or null
 * when the link is unknown, used or expired.
 */
export async function confirmAddress(
  services: Services,
  token: string,
  now: Date,
): Promise<string | null> {
  const { store, holidays, config } = services;
  const at = now.toISOString();
  const email = await store.useCitizenToken(hashToken(token), 'konfirmasi', at);
  if (!email) return null;
  const due = dueDate(now, holidays, dueDateRule(services));
  const waiting = (await store.requestsOf(email)).filter((request) => !request.emailConfirmed);
  await store.confirmAddress(
    email,
    at,
    waiting.map((request) => ({
      requestId: request.id,
      dueDate: due,
      mails: request.spam
        ? []
        : newRequestMails({ ...request, dueDate: due }, mailContext(services), config.staffEmail),
    })),
  );
  services.nudgeOutbox();
  return email;
}

/** Mails a sign-in link to a confirmed address; says nothing either way (no probing). */
export async function sendSignInLink(services: Services, email: string, now: Date): Promise<void> {
  const { store, office } = services;
  if ((await store.addressConfirmedAt(email)) === null) return;
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  if ((await store.countMailSince(email, 'sign_in', since)) >= SIGN_IN_MAILS_PER_HOUR) return;
  const minutes = office.conversation.signInLinkMinutes;
  const token = newToken();
  const context = mailContext(services);
  await store.createCitizenToken(
    {
      tokenHash: hashToken(token),
      email,
      purpose: 'masuk',
      at: now.toISOString(),
      expiresAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
    },
    [
      signInMail(
        email,
        `${context.endpointOrigin}/akun/masuk/tautan/?token=${token}`,
        context,
        minutes,
      ),
    ],
  );
  services.nudgeOutbox();
}

/** Requests whose address stayed unconfirmed too long: closed, their data erased. */
export async function dropUnconfirmed(services: AppDeps): Promise<number> {
  const now = services.clock.now();
  const days = services.office.conversation.confirmWithinDays;
  const stale = await services.store.unconfirmedBefore(
    new Date(now.getTime() - days * DAY_MS).toISOString(),
  );
  for (const request of stale) {
    await services.store.dropUnconfirmed(
      request.id,
      now.toISOString(),
      `Dibatalkan: alamat email tidak dikonfirmasi dalam ${days} hari`,
    );
  }
  return stale.length;
}
