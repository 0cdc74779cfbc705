/**
 * The citizen's forms and where they live, declared once. Pages, links, the endpoint's
 * answers and the offline queue read from here.
 */

export const FORMS = {
  konsultasi: { page: '/konsultasi/', link: 'Ajukan konsultasi' },
  pengaduan: { page: '/pengaduan/', link: 'Sampaikan pengaduan' },
  penilaian: { page: '/penilaian/', link: 'Beri penilaian' },
  status: { page: '/status/', link: 'Cek status permintaan' },
} as const;

export type FormKind = keyof typeof FORMS;

/**
 * What a step of a procedure can lead to: one of the forms, or the search (online step
 * "mencari informasi"). Named in the standard's frontmatter as `actions: [konsultasi]`.
 */
export const STEP_ACTIONS = {
  ...FORMS,
  cari: { page: '/cari/', link: 'Cari informasi' },
} as const;

export type StepAction = keyof typeof STEP_ACTIONS;

export const STEP_ACTION_IDS = Object.keys(STEP_ACTIONS) as [StepAction, ...StepAction[]];
