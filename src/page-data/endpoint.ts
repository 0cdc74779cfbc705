// The form endpoint is this site's own /api unless the static site is hosted elsewhere;
// then PUBLIC_FORM_ENDPOINT (set at build time) points at the endpoint's origin. The pages the
// endpoint draws from its database (/kinerja/) are linked the same way.
const base = (import.meta.env.PUBLIC_FORM_ENDPOINT ?? '').replace(/\/$/, '');

export function endpointUrl(path: `/api/${string}` | '/kinerja/'): string {
  return `${base}${path}`;
}
