import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageKind } from '../lib/search-state.ts';
import {
  KIND_LABELS,
  PAGE_KINDS,
  readSearchState,
  searchHref,
  type SearchState,
} from '../lib/search-state.ts';
import { Excerpt } from './Excerpt.tsx';
import { loadSearch, toHit, type Hit, type IndexResult } from './pagefind-client.ts';
import type { SearchReport } from './search-report.ts';

// Long enough that a word typed at a normal pace (about 200 ms a key) searches once, short
// enough that the list follows the typing.
const DEBOUNCE_MS = 150;
// Fragments are fetched per result shown; ten fit a phone's screen a few times over.
const PAGE_SIZE = 10;

interface Done {
  status: 'done';
  term: string;
  kind: PageKind | null;
  hits: Hit[];
  total: number;
  counts: Partial<Record<PageKind, number>>;
  /** The query as searched when a word was corrected. */
  corrected: string | null;
  /** No page holds all the words. */
  partial: boolean;
}

type Outcome = { status: 'idle' } | { status: 'error' } | Done;

function statusMessage(outcome: Outcome): string {
  if (outcome.status === 'idle') return '';
  if (outcome.status === 'error') {
    return 'Pencarian tidak dapat dimuat. Periksa koneksi Anda lalu coba lagi, atau pilih dari daftar di bawah.';
  }
  const where = outcome.kind ? ` di ${KIND_LABELS[outcome.kind]}` : '';
  if (outcome.total === 0) {
    return `Tidak ada hasil untuk “${outcome.term}”${where}. Coba kata lain, atau pilih dari daftar di bawah.`;
  }
  const partial = outcome.partial
    ? ' Tidak ada halaman yang memuat semua kata; ini hasil untuk sebagian kata.'
    : '';
  return `${outcome.total} hasil untuk “${outcome.term}”${where}.${partial}`;
}

interface Props {
  /** The consultation form, offered when the answer is not found; `parameter` carries the query. */
  ask: { href: string; label: string; parameter: string };
  /** POST /api/search-events on the endpoint: which searches fail (src/lib/search-events.ts). */
  reportUrl: string;
  /** Shown while there is nothing to list: the page's no-JavaScript list of answers. */
  children?: ComponentChildren;
}

/**
 * Search on /cari/ over Pagefind with the query layer in front (src/lib/site-search.ts).
 * Keeps ?q=, ?jenis= and ?koreksi= in the address (replaceState: typing does not fill the
 * history, and Back from a result returns to this list). Until it hydrates, its controls are
 * disabled and the page's list of answers shows.
 */
export function Search({ ask, reportUrl, children }: Props) {
  const [ready, setReady] = useState(false);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<PageKind | null>(null);
  const [exact, setExact] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const timer = useRef<number | undefined>(undefined);
  // Only the newest search may render: an older one can finish later.
  const latest = useRef(0);
  const results = useRef<IndexResult[]>([]);
  const firstNewHit = useRef<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // Loaded with the search: there is nothing to report before one has run.
  const report = useRef<SearchReport | null>(null);
  async function loadReport(): Promise<SearchReport | null> {
    try {
      report.current ??= (await import('./search-report.ts')).searchReport(reportUrl);
    } catch {
      // The report is for the staff's statistics; the search goes on without it.
    }
    return report.current;
  }

  async function search(next: SearchState) {
    window.clearTimeout(timer.current);
    const id = ++latest.current;
    history.replaceState(history.state, '', searchHref(location.pathname, next));
    const term = next.query.trim();
    if (term === '') {
      report.current?.shown('', 0, false);
      setOutcome({ status: 'idle' });
      return;
    }
    try {
      const [engine, reporter] = await Promise.all([loadSearch(), loadReport()]);
      const found = await engine.search(term, { kind: next.kind, correct: !next.exact });
      const hits = await Promise.all(found.results.slice(0, PAGE_SIZE).map(toHit));
      if (id !== latest.current) return;
      results.current = found.results;
      reporter?.shown(found.normalised, found.results.length, found.partial);
      setOutcome({
        status: 'done',
        term,
        kind: next.kind,
        hits,
        total: found.results.length,
        counts: found.counts,
        corrected: found.corrected,
        partial: found.partial,
      });
    } catch (error) {
      console.error('Pencarian gagal:', error);
      if (id === latest.current) setOutcome({ status: 'error' });
    }
  }

  async function showMore() {
    if (outcome.status !== 'done') return;
    const id = latest.current;
    const shown = outcome.hits.length;
    const more = await Promise.all(results.current.slice(shown, shown + PAGE_SIZE).map(toHit));
    if (id !== latest.current) return;
    firstNewHit.current = shown;
    setOutcome({ ...outcome, hits: [...outcome.hits, ...more] });
  }

  useEffect(() => {
    const initial = readSearchState(location.search);
    setQuery(initial.query);
    setKind(initial.kind);
    setExact(initial.exact);
    setReady(true);
    if (initial.query.trim() !== '') void search(initial);
    // Leaving with a list on the screen ends that search too; "hidden" is the last event a
    // phone reliably fires before the tab is closed or swapped away.
    const left = () => {
      if (document.visibilityState === 'hidden') report.current?.ended('dibiarkan');
    };
    document.addEventListener('visibilitychange', left);
    return () => {
      window.clearTimeout(timer.current);
      document.removeEventListener('visibilitychange', left);
    };
  }, []);

  // After "more", keyboard focus moves to the first added result instead of staying on a
  // button that has gone.
  useEffect(() => {
    if (firstNewHit.current === null) return;
    list.current?.querySelectorAll('a')[firstNewHit.current]?.focus();
    firstNewHit.current = null;
  }, [outcome]);

  function onInput(event: Event) {
    const next = { query: (event.currentTarget as HTMLInputElement).value, kind, exact: false };
    setQuery(next.query);
    setExact(false);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void search(next), DEBOUNCE_MS);
  }

  function onKind(next: PageKind | null) {
    setKind(next);
    void search({ query, kind: next, exact });
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    void search({ query, kind, exact });
  }

  const done = outcome.status === 'done' ? outcome : null;
  const allCount = done ? PAGE_KINDS.reduce((sum, k) => sum + (done.counts[k] ?? 0), 0) : 0;
  const asIs = done && { query: done.term, kind: done.kind, exact: true };
  return (
    <div class="search">
      <form class="search-form" role="search" method="get" action="/cari/" onSubmit={onSubmit}>
        <label for="cari-q">Kata pencarian</label>
        <div class="search-box">
          <input
            id="cari-q"
            type="search"
            name="q"
            value={query}
            onInput={onInput}
            onFocus={() => void loadSearch().catch(() => undefined)}
            autocomplete="off"
            enterkeyhint="search"
            disabled={!ready}
          />
          <button type="submit" disabled={!ready}>
            Cari
          </button>
        </div>
        {done ? (
          <fieldset class="search-filter">
            <legend>Jenis halaman</legend>
            {[null, ...PAGE_KINDS].map((k) => (
              <label key={k ?? 'semua'}>
                <input
                  type="radio"
                  name="jenis"
                  value={k ?? ''}
                  checked={kind === k}
                  onChange={() => onKind(k)}
                />
                {k ? KIND_LABELS[k] : 'Semua'}{' '}
                <span class="search-count">({k ? (done.counts[k] ?? 0) : allCount})</span>
              </label>
            ))}
          </fieldset>
        ) : null}
      </form>
      <div class="search-status" role="status">
        <p>{statusMessage(outcome)}</p>
        {done?.corrected && asIs ? (
          <p class="search-correction">
            Menampilkan hasil untuk <strong>{done.corrected}</strong>.{' '}
            <a
              href={searchHref(location.pathname, asIs)}
              onClick={(event) => {
                event.preventDefault();
                setExact(true);
                void search(asIs);
              }}
            >
              Cari <em>{done.term}</em> saja
            </a>
          </p>
        ) : null}
      </div>
      {done && done.hits.length > 0 ? (
        <ol
          class="search-results"
          aria-label="Hasil pencarian"
          ref={list}
          onClick={(event) => {
            if ((event.target as Element).closest('a')) report.current?.ended('dibuka');
          }}
        >
          {done.hits.map((hit) => (
            <li key={hit.url}>
              <h2>
                <a href={hit.url}>{hit.title}</a>
              </h2>
              {hit.kind ? <p class="search-kind">{KIND_LABELS[hit.kind]}</p> : null}
              <p>
                <Excerpt excerpt={hit.excerpt} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {done && done.hits.length < done.total ? (
        <button type="button" class="secondary" onClick={() => void showMore()}>
          Tampilkan {Math.min(PAGE_SIZE, done.total - done.hits.length)} hasil berikutnya
        </button>
      ) : null}
      {done ? (
        <p class={done.total === 0 || done.partial ? 'notice' : undefined}>
          Tidak menemukan jawaban?{' '}
          <a
            href={`${ask.href}?${new URLSearchParams({ [ask.parameter]: done.term })}`}
            onClick={() => report.current?.ended('konsultasi')}
          >
            {ask.label}
          </a>
        </p>
      ) : null}
      {done && done.total > 0 ? null : children}
    </div>
  );
}
