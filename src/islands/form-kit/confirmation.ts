/** What the endpoint answers for an accepted consultation or complaint. */
export interface RequestAccepted {
  reference: string;
  dueDate: string;
  status: string;
}

/** The confirmation page with the reference and due date, as the endpoint's redirect gives it. */
export function confirmationHref(page: string, accepted: RequestAccepted): string {
  return `${page}?${new URLSearchParams({ ref: accepted.reference, due: accepted.dueDate })}`;
}
