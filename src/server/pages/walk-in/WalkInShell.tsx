import type { ComponentChildren } from 'preact';
import type { PageLook } from '../PageShell.tsx';

interface Props {
  title: string;
  look: PageLook;
  /** kiosk, ticket or display: each has its own layout in walk-in.css. */
  kind: 'kiosk' | 'ticket' | 'display';
  /** The page's one script (/antrean/*.js), if any; every page works without it. */
  script?: string;
  /** Without JavaScript, load the page again after this many seconds (the ticket, the display). */
  refreshSeconds?: number;
  /** Go to this address after `refreshSeconds` instead (the kiosk back to an empty form, without JavaScript). */
  refreshTo?: string;
  children: ComponentChildren;
}

/**
 * The page around the walk-in screens: the site's stylesheets and the walk-in's own, no site
 * navigation (a kiosk and a TV have no use for it). Never cached or indexed (routes set
 * Cache-Control: no-store and X-Robots-Tag).
 */
export function WalkInShell({
  title,
  look,
  kind,
  script,
  refreshSeconds,
  refreshTo,
  children,
}: Props) {
  const { office } = look;
  const refresh =
    refreshSeconds === undefined ? null : (
      <meta
        http-equiv="refresh"
        content={refreshTo ? `${refreshSeconds};url=${refreshTo}` : String(refreshSeconds)}
      />
    );
  return (
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} – ${office.shortName}`}</title>
        {look.stylesheets.map((href) => (
          <link rel="stylesheet" href={href} key={href} />
        ))}
        <link rel="stylesheet" href="/antrean/gaya.css" />
        {/* With a script the script moves the page on (axe meta-refresh, WCAG 2.2.1: a
            timed refresh the user cannot extend); without one, the refresh does. */}
        {refresh && !script ? refresh : null}
        {refresh && script ? <noscript>{refresh}</noscript> : null}
        {script ? <script type="module" src={script} /> : null}
      </head>
      <body class={`walk-in walk-in-${kind}`}>
        <main id="konten">{children}</main>
      </body>
    </html>
  );
}
