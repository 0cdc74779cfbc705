import type { Sla } from '../../../lib/sla.ts';

/** The due-date badge: its words carry the meaning, the colour only repeats it. */
export function SlaBadge({ sla }: { sla: Sla }) {
  if (sla.state === 'selesai') return null;
  return <span class={`badge sla-${sla.state}`}>{sla.label}</span>;
}
