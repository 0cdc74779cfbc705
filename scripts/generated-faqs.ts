/**
 * N made-up FAQ answers in the site's own format (content/faq/*.mdx), for measuring the
 * build at sizes the office has not reached yet: `npm run bench:build` and the 1,000-page
 * build test (tests/server/many-faqs.test.ts). About 300 Indonesian words each (an intro,
 * three sections, a five-item list), the same for every run and machine, so that this
 * project, Starlight and a plain Astro + MDX site are measured on the same pages: the
 * sentences and the seeded generator are those the issue's first measurement used.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TOPICS = [
  'data kemiskinan',
  'inflasi bulanan',
  'indeks pembangunan manusia',
  'produksi padi',
  'jumlah penduduk',
  'tingkat pengangguran terbuka',
  'nilai tukar petani',
  'ekspor komoditas',
  'pertumbuhan ekonomi',
  'harga konsumen',
  'statistik kelautan',
  'data perkebunan sawit',
  'profil desa',
  'angka melek huruf',
  'rumah tangga usaha',
  'kunjungan wisatawan',
];
const ASKS = [
  'Bagaimana cara memperoleh',
  'Di mana saya dapat menemukan',
  'Apakah tersedia',
  'Berapa lama waktu untuk mendapatkan',
  'Siapa yang dapat membantu menjelaskan',
  'Apakah ada biaya untuk meminta',
  'Bagaimana membaca tabel',
  'Kapan dirilis',
];
const SENTENCES = [
  'Layanan konsultasi statistik dapat diakses secara langsung di kantor maupun secara daring melalui laman resmi.',
  'Petugas akan memeriksa kelengkapan permintaan dan mencatat nomor referensi untuk setiap konsultasi.',
  'Sebagian besar publikasi tersedia tanpa biaya dan dapat diunduh dalam format PDF atau tabel dinamis.',
  'Apabila data yang diminta belum dipublikasikan, petugas akan menjelaskan jadwal rilis berikutnya.',
  'Permintaan data mikro memerlukan surat pengantar dan mengikuti ketentuan tarif yang berlaku.',
  'Waktu penyelesaian layanan adalah tiga hari kerja sejak permintaan dinyatakan lengkap.',
  'Pengguna dapat menanyakan definisi, metodologi, serta cara membaca angka pada tabel statistik.',
  'Konsultasi yang tidak mendapat tanggapan dari pengguna selama tujuh hari akan ditutup otomatis.',
  'Setiap pengguna diminta mengisi survei kepuasan setelah layanan selesai diberikan.',
  'Pengaduan dapat disampaikan secara terbuka, rahasia, atau anonim dan akan diberi nomor pelacakan.',
  'Data tingkat kecamatan biasanya tersedia dalam publikasi kecamatan dalam angka setiap tahun.',
  'Angka sementara dapat direvisi ketika data yang lebih lengkap telah dikumpulkan dan diolah.',
  'Untuk keperluan penelitian, sebutkan tujuan penggunaan data agar petugas dapat memberi saran yang tepat.',
  'Metadata kegiatan statistik menjelaskan cakupan, periode, dan metode pengumpulan data.',
  'Hari libur nasional dan cuti bersama tidak dihitung dalam jangka waktu penyelesaian layanan.',
  'Pengguna dapat memantau status permintaan dengan memasukkan nomor referensi pada halaman status.',
  'Tabel yang disajikan menggunakan pembulatan sehingga jumlah rincian dapat berbeda dengan total.',
  'Perbandingan antarwilayah perlu memperhatikan perbedaan tahun dasar dan cakupan survei.',
  'Petugas tidak memberikan data individu karena dilindungi oleh undang-undang tentang statistik.',
  'Publikasi cetak dapat dibaca di perpustakaan kantor pada jam layanan yang telah ditetapkan.',
];
const STEPS = [
  'Siapkan identitas diri dan tujuan penggunaan data',
  'Cari terlebih dahulu di halaman publikasi',
  'Isi formulir konsultasi dengan pertanyaan yang jelas',
  'Simpan nomor referensi yang diberikan',
  'Pantau status dan balas pertanyaan petugas',
  'Isi survei kepuasan setelah selesai',
  'Sampaikan pengaduan bila layanan tidak sesuai standar',
  'Unduh tabel dalam format yang dibutuhkan',
];

/** mulberry32: the same pages on every run and machine. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedFaq {
  slug: string;
  question: string;
  /** The answer in Markdown, without frontmatter. */
  body: string;
}

/** The i-th page (from 0). */
export function generatedFaq(i: number): GeneratedFaq {
  const next = random(i + 1);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const paragraph = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(' ');
  const topic = TOPICS[i % TOPICS.length];
  const ask = ASKS[Math.floor(i / TOPICS.length) % ASKS.length];
  const steps = Array.from({ length: 5 }, () => `- ${pick(STEPS)}.`).join('\n');
  return {
    slug: `tanya-${String(i + 1).padStart(4, '0')}`,
    question: `${ask} ${topic} (${i + 1})?`,
    body: `${paragraph(5)}

## Jawaban singkat

${paragraph(6)} Untuk ${topic}, lihat juga tabel terkait pada halaman publikasi.

## Langkah yang disarankan

${steps}

${paragraph(5)}

## Catatan

${paragraph(4)}
`,
  };
}

/**
 * A temporary copy of `from` (the content folder) with `n` generated answers added to its
 * FAQ, ordered after the office's own; returns the copy's path, for CONTENT_DIR.
 */
export function contentWithGeneratedFaqs(n: number, from = 'content'): string {
  const dir = join(mkdtempSync(join(tmpdir(), `pst-faq-${n}-`)), 'content');
  cpSync(from, dir, { recursive: true });
  mkdirSync(join(dir, 'faq'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const faq = generatedFaq(i);
    writeFileSync(
      join(dir, 'faq', `${faq.slug}.mdx`),
      `---\nquestion: ${JSON.stringify(faq.question)}\norder: ${1000 + i}\n---\n\n${faq.body}`,
    );
  }
  return dir;
}
