import type { ComponentChildren } from 'preact';
import type { Office } from '../../content-schemas/office.ts';

/** How the endpoint's own pages look like the site: its office facts and its stylesheets. */
export interface PageLook {
  office: Office;
  stylesheets: readonly string[];
  /** '' for this site, or the origin of a separately hosted site the citizen came from. */
  siteOrigin: string;
}

interface Props {
  title: string;
  look: PageLook;
  /** A public page search engines may index (/kinerja/); default: not indexed. */
  indexable?: boolean;
  children: ComponentChildren;
}

/**
 * The page around what the endpoint answers a plain (no-JavaScript) post with: the site's
 * stylesheets, its name linking home, and the office's contact line. No script, so the CSP
 * holds; never indexed.
 */
export function PageShell({ title, look, indexable = false, children }: Props) {
  const { office, siteOrigin } = look;
  return (
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {indexable ? null : <meta name="robots" content="noindex" />}
        <title>{`${title} – ${office.shortName}`}</title>
        {look.stylesheets.map((href) => (
          <link rel="stylesheet" href={href} key={href} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#konten">
          Langsung ke isi halaman
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href={`${siteOrigin}/`}>
              {office.shortName}
            </a>
          </div>
        </header>
        <main id="konten" tabindex={-1}>
          <div class="wrap">{children}</div>
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {office.name} · <a href={`mailto:${office.email}`}>{office.email}</a> · WhatsApp{' '}
              <a href={office.whatsapp.url}>{office.whatsapp.display}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
