/**
 * The service's forms, declared once: where each lives and posts, where a plain (no
 * JavaScript) post is sent on to, the prefix of its request numbers, its name for people, and
 * for requests the columns of the staff export. The offline queue's kind of a form is its
 * key. Pages, islands, the endpoint, mails and the export read from here; README "Adding a
 * form" lists the rest a new form needs.
 */

interface FormDeclaration {
  /** What it is, for people: "Permintaan konsultasi". */
  label: string;
  /** The heading of its page, and of the endpoint's page when it draws the form again. */
  title: string;
  /** The text of a link to it: "Ajukan konsultasi"; null when it has no page of its own. */
  link: string | null;
  /** The site page that holds it; null for the page-feedback form found on every page. */
  page: string | null;
  /** Where it posts, on the endpoint. */
  action: string;
  /** Where a plain post is sent on to; null when the answer is a page of its own or the page itself. */
  confirmation: string | null;
  /** The prefix of its request numbers (KS-2611-7K3QX9); null when it makes no request. */
  referencePrefix: string | null;
  /** Waits on the device when there is no connection (src/browser/offline-queue.ts). */
  queued: boolean;
  /** Staff export columns (header → field of the request) that only this kind of request has. */
  exportColumns: Readonly<Record<string, string>>;
}

/**
 * The prefix of each kind of request's number (KS-2611-7K3QX9). Apart from FORMS so that
 * reading a number (src/lib/reference.ts, used by every form island) does not bundle the rest.
 */
export const REFERENCE_PREFIXES = { konsultasi: 'KS', pengaduan: 'PG' } as const;

/** A walk-in visit's reference (the guest book, /loket/): rated at /penilaian/ like a request. */
export const VISIT_REFERENCE_PREFIX = 'KJ';

export const FORMS = {
  konsultasi: {
    label: 'Permintaan konsultasi',
    title: 'Ajukan konsultasi statistik',
    link: 'Ajukan konsultasi',
    page: '/konsultasi/',
    action: '/api/consultations',
    confirmation: '/konsultasi/terkirim/',
    referencePrefix: REFERENCE_PREFIXES.konsultasi,
    queued: true,
    exportColumns: { tindak_lanjut: 'channel', topik: 'topic', pertanyaan: 'question' },
  },
  pengaduan: {
    label: 'Pengaduan',
    title: 'Sampaikan pengaduan',
    link: 'Sampaikan pengaduan',
    page: '/pengaduan/',
    action: '/api/complaints',
    confirmation: '/pengaduan/terkirim/',
    referencePrefix: REFERENCE_PREFIXES.pengaduan,
    queued: true,
    exportColumns: {
      kategori: 'category',
      identitas: 'identity',
      isi_pengaduan: 'description',
    },
  },
  penilaian: {
    label: 'Penilaian layanan',
    title: 'Penilaian layanan',
    link: 'Beri penilaian',
    page: '/penilaian/',
    action: '/api/ratings',
    confirmation: '/penilaian/terkirim/',
    referencePrefix: null,
    queued: true,
    exportColumns: {},
  },
  'umpan-balik': {
    label: 'Umpan balik halaman',
    title: 'Apakah halaman ini membantu?',
    link: null,
    page: null,
    action: '/api/feedback',
    confirmation: null,
    referencePrefix: null,
    queued: true,
    exportColumns: {},
  },
  status: {
    label: 'Cek status',
    title: 'Cek status permintaan',
    link: 'Cek status permintaan',
    page: '/status/',
    action: '/api/status',
    confirmation: null,
    referencePrefix: null,
    queued: false,
    exportColumns: {},
  },
  // The citizen's side of the conversation, on the status page: a message back, and the
  // answer to a meeting proposal (choose a slot, or cancel).
  pesan: {
    label: 'Pesan untuk petugas',
    title: 'Balas percakapan',
    link: null,
    page: '/status/',
    action: '/api/messages',
    confirmation: null,
    referencePrefix: null,
    queued: false,
    exportColumns: {},
  },
  pertemuan: {
    label: 'Jawaban usulan pertemuan',
    title: 'Pertemuan lanjutan',
    link: null,
    page: '/status/',
    action: '/api/meetings',
    confirmation: null,
    referencePrefix: null,
    queued: false,
    exportColumns: {},
  },
} as const satisfies Record<string, FormDeclaration>;

export type FormKind = keyof typeof FORMS;

/** The forms that make a request with a number, a status and a conversation. */
export type RequestKind = {
  [K in FormKind]: (typeof FORMS)[K]['referencePrefix'] extends string ? K : never;
}[FormKind];

export const REQUEST_KINDS = ['konsultasi', 'pengaduan'] as const satisfies readonly RequestKind[];

/** The forms that wait on the device without a connection. */
export type QueuedKind = {
  [K in FormKind]: (typeof FORMS)[K]['queued'] extends true ? K : never;
}[FormKind];

/**
 * What a step of a procedure can lead to: one of the forms with a page, or the search
 * (online step "mencari informasi"). Named in the standard's frontmatter as `actions: [konsultasi]`.
 */
export const STEP_ACTION_IDS = ['konsultasi', 'pengaduan', 'penilaian', 'status', 'cari'] as const;

export type StepAction = (typeof STEP_ACTION_IDS)[number];

const SEARCH = { page: '/cari/', link: 'Cari informasi' } as const;

// A function rather than a table of FORMS entries: reading FORMS.konsultasi at the top of the
// module would keep the whole registry in the bundle of every island that reads a number.
export function stepAction(action: StepAction): { page: string; link: string } {
  return action === 'cari' ? SEARCH : { page: FORMS[action].page, link: FORMS[action].link };
}
