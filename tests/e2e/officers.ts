/**
 * Officers in the workspace's own server (or the reports', playwright.config.ts): made the way an office makes
 * them, with `npm run staff` and the password on stdin, and logged in through the form.
 */
import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { staffDataDir } from '../../playwright.config.ts';

export const OFFICER_PASSWORD = 'perahu-layar-di-selat-bengkalis';

/** `npm run staff -- …args` on a server's data directory (the workspace's); its output. */
export function staff(args: string[], input = '', dataDir = staffDataDir): string {
  return execFileSync(process.execPath, ['scripts/staff.ts', ...args], {
    input,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

/** `npm run staff -- add`, with the shared test password. */
export function addStaff(
  email: string,
  name: string,
  role: 'admin' | 'petugas' = 'petugas',
  dataDir = staffDataDir,
): void {
  staff(['add', email, '--name', name, '--role', role], `${OFFICER_PASSWORD}\n`, dataDir);
}

/** Logs in at /petugas/masuk/ and lands on the inbox. */
export async function logIn(page: Page, email: string): Promise<void> {
  await page.goto('/petugas/masuk/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(OFFICER_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/petugas\/$/);
}
