import type { Language } from '../../schemas/messages.ts';

/**
 * The reader's language for JSON answers: English when Accept-Language ranks English above
 * Indonesian, otherwise Indonesian (the site's language).
 */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  let best: { language: Language; quality: number } = { language: 'id', quality: 0 };
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
    const language = tag.split('-')[0];
    if (language !== 'id' && language !== 'en') continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    // Earlier entries win ties, as RFC 9110 §12.5.4 leaves order to the sender.
    if (Number.isFinite(quality) && quality > best.quality) best = { language, quality };
  }
  return best.language;
}
