// The form endpoint is this site's own /api unless the static site is hosted elsewhere;
// then PUBLIC_FORM_ENDPOINT (set at build time) points at the endpoint's origin.
const base = (import.meta.env.PUBLIC_FORM_ENDPOINT ?? '').replace(/\/$/, '');

export function endpointUrl(path: `/api/${string}`): string {
  return `${base}${path}`;
}
