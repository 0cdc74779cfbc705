/**
 * The standard's time limits said plainly, each with the condition the standard attaches to
 * it: the walk-in clock starts when the previous visitor's service ends, the online clock
 * when the request is clear and complete. Every page, mail and message that states a limit
 * takes its words from here, and its numbers from the standard's frontmatter.
 */

/** The standard's numbers, as its frontmatter gives them (`limits`, src/content-schemas/standard.ts). */
export interface ServiceLimits {
  onlineWorkingDays: number;
  walkInMinutes: number;
  autoCloseDays: number;
}

export type ChannelKind = 'datang_langsung' | 'online';

/** "dilayani paling lama 10 menit sejak pengunjung sebelumnya selesai dilayani" */
export function walkInLimit(limits: ServiceLimits): string {
  return `dilayani paling lama ${limits.walkInMinutes} menit sejak pengunjung sebelumnya selesai dilayani`;
}

/** "dilayani paling lama 3 hari kerja setelah permintaan jelas dan persyaratannya lengkap" */
export function onlineLimit(limits: ServiceLimits): string {
  return `dilayani paling lama ${limits.onlineWorkingDays} hari kerja setelah permintaan jelas dan persyaratannya lengkap`;
}

/** The limit of a channel, as a sentence starting with a capital. */
export function channelLimit(kind: ChannelKind, limits: ServiceLimits): string {
  const phrase = kind === 'online' ? onlineLimit(limits) : walkInLimit(limits);
  return `${phrase[0].toUpperCase()}${phrase.slice(1)}.`;
}

/** "3 hari kerja setelah permintaan lengkap": for a meta description or a manifest. */
export function onlineLimitShort(limits: ServiceLimits): string {
  return `${limits.onlineWorkingDays} hari kerja setelah permintaan lengkap`;
}

/** "ditutup jika Anda tidak merespons selama 7 hari setelah pesan terakhir petugas" */
export function autoCloseRule(limits: ServiceLimits): string {
  return `ditutup jika Anda tidak merespons selama ${limits.autoCloseDays} hari setelah pesan terakhir petugas`;
}
