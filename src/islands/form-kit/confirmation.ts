/** What the endpoint answers for an accepted consultation or complaint. */
export interface RequestAccepted {
  reference: string;
  dueDate: string;
  status: string;
  /** false: the first request from this address; the confirmation link was mailed. */
  emailConfirmed?: boolean;
}

/** The confirmation page with the reference and due date, as the endpoint's redirect gives it. */
export function confirmationHref(page: string, accepted: RequestAccepted): string {
  const query = new URLSearchParams({ ref: accepted.reference, due: accepted.dueDate });
  if (accepted.emailConfirmed === false) query.set('konfirmasi', '1');
  return `${page}?${query}`;
}
