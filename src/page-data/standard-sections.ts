/** The sections of /standar-pelayanan/, in order: the ids are the headings' anchors. */
export const STANDARD_SECTIONS = [
  { id: 'persyaratan', label: 'Persyaratan' },
  { id: 'prosedur', label: 'Sistem, mekanisme dan prosedur' },
  { id: 'waktu', label: 'Waktu penyelesaian' },
  { id: 'biaya', label: 'Biaya / tarif' },
  { id: 'produk', label: 'Produk pelayanan' },
  { id: 'pengaduan', label: 'Pengaduan layanan' },
] as const;

export type StandardSectionId = (typeof STANDARD_SECTIONS)[number]['id'];

export function sectionLabel(id: StandardSectionId): string {
  return STANDARD_SECTIONS.find((section) => section.id === id)?.label ?? id;
}
