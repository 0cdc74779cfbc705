/** What the app needs to know about its deployment; main.ts fills it from the environment. */
export interface Config {
  /** Secret for /api/staff/*; while null the staff API answers 404. */
  staffToken: string | null;
  /**
   * Derives the personal links' keys (LINK_SECRET, else a file in DATA_DIR made at the first
   * start). Every instance serving one database needs the same.
   */
  linkSecret: string;
  /** Origins (e.g. https://pst.example.go.id) of a separately hosted site that may post forms here. */
  allowedOrigins: readonly string[];
  /** Origin of the form endpoint when the site served here posts elsewhere (PUBLIC_FORM_ENDPOINT). */
  formEndpointOrigin: string | null;
  /** Form submissions per client IP per minute; 0 turns the limit off (benchmark only). */
  rateLimitPerMinute: number;
  /** Take the client IP from the last X-Forwarded-For entry (only behind a reverse proxy). */
  trustProxy: boolean;
  /** Submissions sent sooner than this after the form was opened are treated as spam. */
  minFillMs: number;
  /** Recipient of "new request" notifications. */
  staffEmail: string;
  /** Sender of every mail. */
  mailFrom: string;
  /** sha256 hashes ('sha256-…') of inline scripts and styles in the built site, allowed by the CSP. */
  inlineHashes: { scripts: readonly string[]; styles: readonly string[] };
  /** The site's stylesheets (from the build), linked by the endpoint's own HTML pages so they look like the site. */
  stylesheets: readonly string[];
}
