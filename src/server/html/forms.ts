/**
 * The public forms as the endpoint re-renders them when a plain (no-JavaScript) post has
 * errors, so nothing the citizen typed is lost. Labels, options and limits come from the
 * shared schemas in src/schemas/, the same ones the site's forms use.
 */
import * as v from 'valibot';
import { IKM_ELEMENTS } from '../../lib/ikm.ts';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  COMPLAINT_LABELS,
  COMPLAINT_LIMITS,
  IDENTITIES,
  IDENTITY_LABELS,
} from '../../schemas/complaint.ts';
import {
  CHANNEL_LABELS,
  CHANNELS,
  CONSULTATION_LABELS,
  CONSULTATION_LIMITS,
} from '../../schemas/consultation.ts';
import { FEEDBACK_LIMITS, feedbackSchema } from '../../schemas/feedback.ts';
import { REFERENCE_MAX_LENGTH } from '../../schemas/fields.ts';
import {
  ANSWER_FIELDS,
  ANSWER_LABELS,
  RATING_LABELS,
  RATING_LIMITS,
} from '../../schemas/rating.ts';
import { STATUS_LABELS } from '../../schemas/status.ts';

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'email' | 'tel' | 'textarea' | 'radios' | 'checkbox' | 'hidden';
  maxLength?: number;
  autocomplete?: string;
  hint?: string;
  options?: readonly { value: string; label: string }[];
}

export interface FormSpec {
  /** The page heading. */
  title: string;
  /** Where the form posts, on this endpoint. */
  action: string;
  /** The site page that holds the form, for the "back to the form" link. */
  page(values: Record<string, unknown>): string;
  fields: readonly FieldSpec[];
}

/** Hidden fields the site's forms may carry, posted back unchanged. */
export const CARRIED_FIELDS = ['idempotency_key', 'form_started_at'] as const;

function options<const T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const CONSULTATION_FORM: FormSpec = {
  title: 'Ajukan konsultasi statistik',
  action: '/api/consultations',
  page: () => '/konsultasi/',
  fields: [
    {
      name: 'name',
      label: CONSULTATION_LABELS.name,
      kind: 'text',
      maxLength: CONSULTATION_LIMITS.name,
      autocomplete: 'name',
    },
    {
      name: 'email',
      label: CONSULTATION_LABELS.email,
      kind: 'email',
      maxLength: CONSULTATION_LIMITS.email,
      autocomplete: 'email',
    },
    {
      name: 'phone',
      label: CONSULTATION_LABELS.phone,
      kind: 'tel',
      maxLength: CONSULTATION_LIMITS.phone,
      autocomplete: 'tel',
    },
    {
      name: 'topic',
      label: CONSULTATION_LABELS.topic,
      kind: 'text',
      maxLength: CONSULTATION_LIMITS.topic,
    },
    {
      name: 'question',
      label: CONSULTATION_LABELS.question,
      kind: 'textarea',
      maxLength: CONSULTATION_LIMITS.question,
    },
    {
      name: 'channel',
      label: CONSULTATION_LABELS.channel,
      kind: 'radios',
      options: options(CHANNELS, CHANNEL_LABELS),
    },
    { name: 'consent', label: CONSULTATION_LABELS.consent, kind: 'checkbox' },
  ],
};

export const COMPLAINT_FORM: FormSpec = {
  title: 'Sampaikan pengaduan',
  action: '/api/complaints',
  page: () => '/pengaduan/',
  fields: [
    {
      name: 'category',
      label: COMPLAINT_LABELS.category,
      kind: 'radios',
      options: options(CATEGORIES, CATEGORY_LABELS),
    },
    {
      name: 'description',
      label: COMPLAINT_LABELS.description,
      kind: 'textarea',
      maxLength: COMPLAINT_LIMITS.description,
    },
    {
      name: 'reference',
      label: COMPLAINT_LABELS.reference,
      kind: 'text',
      maxLength: REFERENCE_MAX_LENGTH,
    },
    {
      name: 'identity',
      label: COMPLAINT_LABELS.identity,
      kind: 'radios',
      options: options(IDENTITIES, IDENTITY_LABELS),
    },
    {
      name: 'name',
      label: COMPLAINT_LABELS.name,
      kind: 'text',
      maxLength: COMPLAINT_LIMITS.name,
      autocomplete: 'name',
      hint: 'Wajib, kecuali Anda memilih anonim.',
    },
    {
      name: 'email',
      label: COMPLAINT_LABELS.email,
      kind: 'email',
      maxLength: COMPLAINT_LIMITS.email,
      autocomplete: 'email',
      hint: 'Wajib, kecuali Anda memilih anonim.',
    },
    {
      name: 'phone',
      label: COMPLAINT_LABELS.phone,
      kind: 'tel',
      maxLength: COMPLAINT_LIMITS.phone,
      autocomplete: 'tel',
    },
    { name: 'consent', label: COMPLAINT_LABELS.consent, kind: 'checkbox' },
  ],
};

export const RATING_FORM: FormSpec = {
  title: 'Penilaian layanan',
  action: '/api/ratings',
  page: () => '/penilaian/',
  fields: [
    {
      name: 'reference',
      label: RATING_LABELS.reference,
      kind: 'text',
      maxLength: REFERENCE_MAX_LENGTH,
    },
    ...ANSWER_FIELDS.map((name, index): FieldSpec => ({
      name,
      label: `${IKM_ELEMENTS[index].code}. ${IKM_ELEMENTS[index].name}`,
      kind: 'radios',
      options: ANSWER_LABELS.map((label, answer) => ({
        value: String(answer + 1),
        label: `${answer + 1}: ${label}`,
      })),
    })),
    {
      name: 'comment',
      label: RATING_LABELS.comment,
      kind: 'textarea',
      maxLength: RATING_LIMITS.comment,
    },
  ],
};

export const FEEDBACK_FORM: FormSpec = {
  title: 'Apakah halaman ini membantu?',
  action: '/api/feedback',
  // Back to the page the feedback is about, when that is one of our paths.
  page: (values) => (v.is(feedbackSchema.entries.page, values.page) ? String(values.page) : '/'),
  fields: [
    { name: 'page', label: 'Halaman', kind: 'hidden' },
    {
      name: 'helpful',
      label: 'Apakah halaman ini membantu?',
      kind: 'radios',
      options: [
        { value: 'ya', label: 'Ya' },
        { value: 'tidak', label: 'Tidak' },
      ],
    },
    {
      name: 'comment',
      label: 'Apa yang kurang atau bisa diperbaiki? Jangan tulis nama, nomor HP atau email.',
      kind: 'textarea',
      maxLength: FEEDBACK_LIMITS.comment,
    },
  ],
};

export const STATUS_FORM: FormSpec = {
  title: 'Cek status permintaan',
  action: '/api/status',
  page: () => '/status/',
  fields: [
    {
      name: 'reference',
      label: STATUS_LABELS.reference,
      kind: 'text',
      maxLength: REFERENCE_MAX_LENGTH,
    },
    {
      name: 'email',
      label: STATUS_LABELS.email,
      kind: 'email',
      maxLength: COMPLAINT_LIMITS.email,
      autocomplete: 'email',
    },
  ],
};
