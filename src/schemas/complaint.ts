/** The complaint form (POST /api/complaints). */
import * as v from 'valibot';
import {
  consent,
  personName,
  CONTACT_LIMITS,
  choice,
  email,
  optionalPhone,
  optionalReference,
  requiredText,
} from './fields.ts';

export const COMPLAINT_LIMITS = { ...CONTACT_LIMITS, description: 4000 } as const;

export const CATEGORIES = [
  'waktu_layanan',
  'perilaku_petugas',
  'informasi_data',
  'biaya',
  'sarana',
  'lainnya',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  waktu_layanan: 'Waktu pelayanan (lambat atau tidak dijawab)',
  perilaku_petugas: 'Perilaku petugas',
  informasi_data: 'Informasi atau data yang diberikan',
  biaya: 'Diminta membayar (layanan ini gratis)',
  sarana: 'Sarana, situs web atau aplikasi',
  lainnya: 'Lainnya',
};

/**
 * terbuka: the complainant's identity is known to the staff handling the complaint;
 * rahasia: known only to the complaint manager, never passed on; anonim: no contact data at
 * all (and so no reply by email).
 */
export const IDENTITIES = ['terbuka', 'rahasia', 'anonim'] as const;

export type Identity = (typeof IDENTITIES)[number];

export const IDENTITY_LABELS: Record<Identity, string> = {
  terbuka: 'Terbuka: nama saya boleh diketahui petugas yang menangani',
  rahasia: 'Rahasia: nama dan kontak saya hanya untuk membalas pengaduan ini',
  anonim: 'Anonim: tanpa nama dan email (tidak ada balasan lewat email)',
};

export const COMPLAINT_LABELS = {
  category: 'Kategori pengaduan',
  description: 'Isi pengaduan',
  reference: 'Nomor permintaan sebelumnya (opsional)',
  identity: 'Identitas Anda',
  name: 'Nama lengkap',
  email: 'Alamat email',
  phone: 'Nomor HP/WhatsApp (opsional)',
  consent: 'Saya setuju data saya diproses untuk menangani pengaduan ini',
} as const;

const common = {
  category: choice(CATEGORIES, 'category.required'),
  description: requiredText(
    COMPLAINT_LIMITS.description,
    { required: 'description.required', tooLong: 'description.tooLong' },
    true,
  ),
  reference: optionalReference(),
};

// The identity decides which fields exist: an anonymous complaint drops any name or email
// it was sent, so nothing identifying is stored, and so needs no consent to processing.
export const complaintSchema = v.variant(
  'identity',
  [
    v.object({ identity: v.literal('anonim'), ...common }),
    v.object({
      identity: v.picklist(['terbuka', 'rahasia']),
      ...common,
      name: personName(COMPLAINT_LIMITS.name),
      email: email(),
      phone: optionalPhone(),
      consent: consent(),
    }),
  ],
  'identity.required',
);

export type Complaint = v.InferOutput<typeof complaintSchema>;
