/**
 * An officer's browser for app.request() tests: cookies kept between requests, the CSRF
 * token read from the last page, posts sent as a same-origin plain form.
 */
import type { Hono } from 'hono';
import { hashPassword } from '../../src/server/domain/passwords.ts';
import type { StaffRole, Store } from '../../src/server/storage/store.ts';

export const ORIGIN = 'http://localhost';
export const PASSWORD = 'kuda-laut-berenang-7';

export async function addOfficer(
  store: Store,
  account: { email: string; name: string; role?: StaffRole; password?: string },
): Promise<void> {
  await store.createStaff({
    email: account.email,
    name: account.name,
    role: account.role ?? 'petugas',
    passwordHash: await hashPassword(account.password ?? PASSWORD),
    at: new Date().toISOString(),
  });
}

export class OfficerBrowser {
  cookie = '';
  csrf = '';
  lastPage = '';

  readonly app: Hono;

  constructor(app: Hono) {
    this.app = app;
  }

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, value] = pair.split('=');
      const others = this.cookie.split('; ').filter((part) => part && !part.startsWith(`${name}=`));
      this.cookie = [...others, ...(value ? [`${name}=${value}`] : [])].join('; ');
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.app.request(path, {
      headers: { cookie: this.cookie, accept: 'text/html', ...headers },
    });
    await this.read(response);
    return response;
  }

  /** Keeps the cookies, the page (empty for a redirect) and its CSRF token. */
  private async read(response: Response) {
    this.remember(response);
    const html = (response.headers.get('content-type') ?? '').includes('text/html');
    this.lastPage = html ? await response.clone().text() : '';
    const token = /name="csrf" value="([^"]+)"/.exec(this.lastPage)?.[1];
    if (token) this.csrf = token;
  }

  /**
   * A form post as the page sends it: with the token and this origin, unless overridden (a
   * header given as '' is left out).
   */
  async post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const all: Record<string, string> = {
      cookie: this.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
      origin: ORIGIN,
      ...headers,
    };
    const response = await this.app.request(path, {
      method: 'POST',
      headers: Object.fromEntries(Object.entries(all).filter(([, value]) => value !== '')),
      body: new URLSearchParams({ csrf: this.csrf, ...fields }).toString(),
    });
    await this.read(response);
    return response;
  }

  async logIn(email: string, password = PASSWORD): Promise<Response> {
    return this.post('/petugas/masuk/', { email, password });
  }

  /** The version field of the request page last drawn. */
  version(): string {
    return /name="versi" value="(\d+)"/.exec(this.lastPage)?.[1] ?? '';
  }
}
