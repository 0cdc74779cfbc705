import { expect, test } from 'vitest';
import { faqPage, governmentService, serializeJsonLd } from '../../src/lib/json-ld.ts';

const office = {
  name: 'Unit Contoh',
  organization: 'BPS Kabupaten Contoh',
  website: 'https://contoh.example/',
  email: 'pst@example.go.id',
  phone: '+62800000000',
  address: {
    street: 'Jl. Satu',
    district: 'Kec. Dua',
    regency: 'Kabupaten Contoh',
    province: 'Provinsi',
    postcode: '12345',
    country: 'ID',
  },
};

test('a free government service with its channels and provider', () => {
  const data = governmentService({
    name: 'Konsultasi',
    description: 'Gratis.',
    url: 'https://site.example/standar-pelayanan/',
    cost: 'Tidak dipungut biaya',
    office,
    channels: [{ name: 'Online', url: 'https://site.example/prosedur/online/' }],
  });
  expect(data['@type']).toBe('GovernmentService');
  expect(data.offers.price).toBe('0');
  expect(data.areaServed.name).toBe('Kabupaten Contoh');
  expect(data.provider.address.postalCode).toBe('12345');
  expect(data.availableChannel).toEqual([
    {
      '@type': 'ServiceChannel',
      name: 'Online',
      serviceUrl: 'https://site.example/prosedur/online/',
    },
  ]);
});

test('an FAQ page lists each question with its answer', () => {
  const data = faqPage([
    { question: 'Berapa biayanya?', answerText: 'Gratis.', url: 'https://site.example/faq/biaya/' },
  ]);
  expect(data.mainEntity[0]).toMatchObject({
    name: 'Berapa biayanya?',
    acceptedAnswer: { text: 'Gratis.' },
  });
});

test('serialized JSON-LD cannot close its script element', () => {
  const json = serializeJsonLd({ text: '</script><script>alert(1)</script>' });
  expect(json).not.toContain('</script>');
  expect(JSON.parse(json).text).toBe('</script><script>alert(1)</script>');
});
