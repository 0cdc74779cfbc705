import { useEffect, useRef, useState } from 'preact/hooks';
import { useListAnimation } from './form-kit/animate.ts';
import { sendJson } from './form-kit/send.ts';
import { Excerpt } from './Excerpt.tsx';
import type { Hit } from './pagefind-client.ts';

interface Props {
  /** What the citizen has typed so far. */
  text: string;
  feedbackUrl: string;
}

// Wait for a pause in typing; the runtime is loaded only once there is something to look for.
const DEBOUNCE_MS = 400;
const MAX_SUGGESTIONS = 3;
// Below four letters there is no word to look for; in anything longer the query layer,
// loaded with the search, drops the filler words ("saya mau tanya").
const MIN_LETTERS = 4;
const letterCount = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').length;
// An answer's own page. The FAQ list (/faq/) carries the "faq" kind too, so /cari/ can filter
// by it, but it answers nothing and "Ini menjawab pertanyaan saya" on it would count a
// deflection on the list.
const FAQ_ANSWER = /^\/faq\/[^/]+\/$/;

/**
 * "Mungkin jawaban ini membantu": up to three FAQ answers matching the question being
 * typed — steps 10–11 of the online procedure (search first, ask when nothing answers).
 * "Ini menjawab pertanyaan saya" is counted as page feedback on that answer.
 */
export function AnswerSuggestions({ text, feedbackUrl }: Props) {
  const [hits, setHits] = useState<Hit[]>([]);
  const [answered, setAnswered] = useState<string | null>(null);
  const latest = useRef(0);
  const list = useListAnimation<HTMLUListElement>();

  useEffect(() => {
    if (letterCount(text) < MIN_LETTERS) {
      setHits([]);
      return;
    }
    const id = ++latest.current;
    const timer = window.setTimeout(async () => {
      try {
        // The search (Pagefind, the vocabulary, the query layer) loads on the first question
        // worth searching. The same search as /cari/: a question's informal words, typos and
        // words no answer holds all of still find the answers that match most of it.
        const { loadSearchEngine, toHit } = await import('./search-engine.ts');
        const engine = await loadSearchEngine();
        const { results } = await engine.search(text, { kind: 'faq', correct: true });
        const found = await Promise.all(results.slice(0, MAX_SUGGESTIONS * 2).map(toHit));
        const unique = found.filter(
          (hit, index) =>
            FAQ_ANSWER.test(hit.url) && found.findIndex((other) => other.url === hit.url) === index,
        );
        if (id === latest.current) setHits(unique.slice(0, MAX_SUGGESTIONS));
      } catch {
        // Suggestions are a help, not a step: without them (offline, no index) the form still works.
        if (id === latest.current) setHits([]);
      }
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  async function markAnswered(hit: Hit) {
    setAnswered(hit.url);
    await sendJson(feedbackUrl, {
      page: new URL(hit.url, location.href).pathname,
      helpful: true,
      context: 'saran_konsultasi',
      website: '',
    });
  }

  return (
    <div class="suggestions" aria-live="polite">
      {hits.length > 0 ? (
        <>
          <h3 class="suggestions-title">Mungkin jawaban ini membantu</h3>
          <ul ref={list}>
            {hits.map((hit) => (
              <li key={hit.url}>
                <a href={hit.url} target="_blank" rel="noopener">
                  {hit.title}
                  <span class="visually-hidden"> (terbuka di tab baru)</span>
                </a>
                <p>
                  <Excerpt excerpt={hit.excerpt} />
                </p>
                {answered === hit.url ? (
                  <p class="suggestion-thanks">
                    Senang jawabannya membantu. Anda tidak perlu mengirim formulir ini.
                  </p>
                ) : (
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() => void markAnswered(hit)}
                  >
                    Ini menjawab pertanyaan saya
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
