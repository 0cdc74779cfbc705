import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { complaintSchema } from '../../src/schemas/complaint.ts';
import { consultationSchema } from '../../src/schemas/consultation.ts';
import { feedbackSchema } from '../../src/schemas/feedback.ts';
import { catalogueFor, fieldErrors, MESSAGES_ID, messageText } from '../../src/schemas/messages.ts';
import { ratingSchema } from '../../src/schemas/rating.ts';
import { statusQuerySchema } from '../../src/schemas/status.ts';

const fixture = (path: string) =>
  JSON.parse(readFileSync(`tests/fixtures/${path}`, 'utf8')) as Record<string, unknown>;

function errors(schema: v.GenericSchema, input: unknown, language: 'id' | 'en' = 'id') {
  const result = v.safeParse(schema, input);
  return result.success ? {} : fieldErrors(result.issues, catalogueFor(language));
}

describe('consultation', () => {
  test('the valid example passes, trimmed and with the email in lower case', () => {
    const input = {
      ...fixture('consultation/valid.json'),
      email: '  Siti.Rahmawati@Contoh.co.id ',
    };
    const output = v.parse(consultationSchema, input);
    expect(output.email).toBe('siti.rahmawati@contoh.co.id');
    expect(output.consent).toBe(true);
  });

  test('the same answers as a plain form sends them pass too', () => {
    const asForm = { ...fixture('consultation/valid.json'), consent: 'ya', phone: '' };
    expect(v.parse(consultationSchema, asForm).phone).toBeUndefined();
  });

  test('a missing email says what to do', () => {
    expect(errors(consultationSchema, fixture('consultation/missing-email.json'))).toEqual({
      email: 'Masukkan alamat email Anda',
    });
  });

  test('a question over 4,000 characters names the limit, in either language', () => {
    expect(errors(consultationSchema, fixture('consultation/too-long.json'))).toEqual({
      question: 'Pertanyaan harus 4000 karakter atau kurang',
    });
    expect(errors(consultationSchema, fixture('consultation/too-long.json'), 'en')).toEqual({
      question: 'Question must be 4000 characters or fewer',
    });
  });

  test('an empty form gets one message per required field', () => {
    expect(Object.keys(errors(consultationSchema, {}))).toEqual([
      'name',
      'email',
      'topic',
      'question',
      'channel',
      'consent',
    ]);
  });

  test('white space, zero-width spaces and control characters are not an answer', () => {
    const input = {
      ...fixture('consultation/valid.json'),
      name: ' \u200b\u00a0',
      topic: 'a\u0007b',
    };
    expect(errors(consultationSchema, input)).toEqual({
      name: 'Masukkan nama Anda',
      topic: 'Hapus karakter yang tidak dapat ditampilkan dari isian ini',
    });
  });

  test('a line break in a single-line field becomes a space', () => {
    const output = v.parse(consultationSchema, {
      ...fixture('consultation/valid.json'),
      name: 'Siti\r\n  Rahmawati',
    });
    expect(output.name).toBe('Siti Rahmawati');
  });

  test('an unticked consent is refused however it is sent', () => {
    for (const consent of [false, 'tidak', '', null, undefined, 0]) {
      expect(
        errors(consultationSchema, { ...fixture('consultation/valid.json'), consent }),
      ).toHaveProperty('consent');
    }
  });
});

describe('complaint', () => {
  test('an anonymous complaint drops any name or email it was sent', () => {
    const output = v.parse(complaintSchema, fixture('complaint/anonymous.json'));
    expect(output).not.toHaveProperty('name');
    expect(output).not.toHaveProperty('email');
  });

  test('a confidential complaint needs name and email', () => {
    expect(errors(complaintSchema, fixture('complaint/confidential-without-contact.json'))).toEqual(
      {
        name: 'Masukkan nama Anda',
        email: 'Masukkan alamat email Anda',
      },
    );
  });

  test('a missing identity choice is named', () => {
    const { identity: _identity, ...rest } = fixture('complaint/valid.json');
    expect(errors(complaintSchema, rest)).toEqual({
      identity: 'Pilih apakah identitas Anda terbuka, rahasia atau anonim',
    });
  });

  test('an earlier reference of ours is normalised; another channel’s number is kept', () => {
    expect(
      v.parse(complaintSchema, { ...fixture('complaint/valid.json'), reference: 'ks 2611 7k3qx9' })
        .reference,
    ).toBe('KS-2611-7K3QX9');
    expect(
      v.parse(complaintSchema, { ...fixture('complaint/valid.json'), reference: 'PST/2026/0042' })
        .reference,
    ).toBe('PST/2026/0042');
  });
});

describe('rating', () => {
  test('answers may be numbers (JSON) or strings (radio buttons)', () => {
    const output = v.parse(ratingSchema, { ...fixture('rating/valid.json'), u1: '2' });
    expect(output.u1).toBe(2);
  });

  test('answers outside 1–4 are refused', () => {
    for (const answer of [0, 5, 2.5, '4.0', 'empat', true]) {
      expect(errors(ratingSchema, { ...fixture('rating/valid.json'), u5: answer })).toEqual({
        u5: 'Pilih salah satu nilai dari 1 sampai 4',
      });
    }
  });
});

describe('feedback', () => {
  test('the valid example passes as "helpful"', () => {
    expect(v.parse(feedbackSchema, fixture('feedback/valid.json')).helpful).toBe(true);
  });

  test('only paths on this site are accepted (it is redirected to)', () => {
    for (const page of [
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/a b',
    ]) {
      expect(errors(feedbackSchema, { ...fixture('feedback/valid.json'), page })).toEqual({
        page: 'Alamat halaman tidak dikenali',
      });
    }
  });
});

describe('status lookup', () => {
  test('normalises the reference; the email is optional for anonymous complaints', () => {
    expect(v.parse(statusQuerySchema, { reference: 'ks-2611-7k3qx9' })).toEqual({
      reference: 'KS-2611-7K3QX9',
      email: undefined,
    });
  });

  test('a reference in the wrong format says how it looks', () => {
    expect(errors(statusQuerySchema, { reference: 'abc', email: 'a@b.co' })).toEqual({
      reference: 'Masukkan nomor permintaan dengan format yang benar, seperti KS-2611-7K3QX9',
    });
  });
});

describe('messages', () => {
  test('both languages fill in the same limits', () => {
    for (const [key, text] of Object.entries(MESSAGES_ID)) {
      expect(catalogueFor('en')[key as keyof typeof MESSAGES_ID].includes('{max}'), key).toBe(
        text.includes('{max}'),
      );
    }
  });

  test('an unknown key falls back to a general message', () => {
    expect(messageText('Invalid type: Expected string', MESSAGES_ID)).toBe(
      'Periksa kembali isian ini',
    );
  });
});

describe('names carry no link', () => {
  // The acknowledgement starts "Yth. <name>" and goes to an address nobody confirmed yet.
  const name = (value: string) =>
    v.safeParse(consultationSchema, { ...fixture('consultation/valid.json'), name: value });

  test.each([
    'Budi https://hadiah.example',
    'Menangkan hadiah di www.contoh.test',
    'Siti siti@contoh.co.id',
    'Klik bit.ly/abc',
    'Hadiah gratis hadiah.com',
  ])('"%s" is refused with a message about the name', (value) => {
    const result = name(value);
    expect(result.success).toBe(false);
    expect(fieldErrors(result.issues ?? [], MESSAGES_ID).name).toBe(
      'Tulis nama Anda saja, tanpa alamat situs web atau email',
    );
  });

  test.each(['Dr. Siti Aminah, S.Si., M.Si.', 'Rahmat A.Md.', "Ni Ketut O'Neil", 'Budi S.Kom.'])(
    '"%s" is a name',
    (value) => {
      expect(name(value).success).toBe(true);
    },
  );
});
