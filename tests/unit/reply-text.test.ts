import { describe, expect, test } from 'vitest';
import { replyText } from '../../src/lib/reply-text.ts';

const site = 'https://pst.example.go.id';

describe('replyText', () => {
  test('a site link becomes its words and the full address', () => {
    expect(replyText('Lihat [biaya layanan](/faq/biaya/).', site)).toBe(
      'Lihat biaya layanan (https://pst.example.go.id/faq/biaya/).',
    );
  });

  test('an outside link keeps its address', () => {
    expect(replyText('[BPS](https://www.bps.go.id/)', site)).toBe('BPS (https://www.bps.go.id/)');
  });

  test('emphasis marks go; wrapped lines join; paragraphs and list items stay', () => {
    const markdown =
      'Layanan ini **tidak\ndipungut biaya**.\nTerima kasih.\n\n* satu\n* dua\n\n\n\nSalam';
    expect(replyText(markdown, site)).toBe(
      'Layanan ini tidak dipungut biaya. Terima kasih.\n\n- satu\n- dua\n\nSalam',
    );
  });
});
