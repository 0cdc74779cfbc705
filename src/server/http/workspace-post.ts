/**
 * The checks every post to the workspace passes before its route reads it: from a page of
 * this origin, a urlencoded body within the size limit, and (once signed in) the session's
 * CSRF token. A post that fails any of them changes nothing and answers 403 (or 4xx for the
 * body), as a page that says what to do.
 */
import type { MiddlewareHandler } from 'hono';
import { renderWorkspaceNotice } from '../pages/staff/WorkspaceNotice.tsx';
import { pageLook, type Services } from '../services.ts';
import { errorMessage } from './errors.ts';
import { readBody } from './form-body.ts';
import { isSameOrigin } from './guards.ts';
import { csrfMatches } from './session-cookie.ts';
import type { WorkspaceEnv } from './staff-session.ts';

/** The workspace page the post came from, to go back to; the inbox when unknown. */
function backPath(referer: string | undefined): string {
  try {
    const path = referer ? new URL(referer).pathname : '';
    return path.startsWith('/petugas/') ? path : '/petugas/';
  } catch {
    return '/petugas/';
  }
}

export function workspacePost(services: Services): MiddlewareHandler<WorkspaceEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const session = c.get('session') as WorkspaceEnv['Variables']['session'] | undefined;
    const refuse = (status: 400 | 403 | 413 | 415, message: string) =>
      c.html(
        renderWorkspaceNotice({
          look: pageLook(services),
          signed: session ?? null,
          title: 'Permintaan ditolak',
          message,
          back: { href: backPath(c.req.header('referer')), label: 'Kembali' },
        }),
        status,
      );
    const expired =
      'Formulir ini sudah tidak berlaku atau tidak berasal dari ruang kerja petugas. Muat ulang halaman, lalu kirim lagi.';
    if (!isSameOrigin(c)) return refuse(403, expired);
    const body = await readBody(c.req);
    if (!body.ok) return refuse(body.status, errorMessage(body.code, 'id'));
    if (body.encoding !== 'form') return refuse(415, errorMessage('unsupported_media_type', 'id'));
    if (session && !csrfMatches(body.values.csrf, session)) return refuse(403, expired);
    c.set('form', body.values as Record<string, string>);
    await next();
  };
}
