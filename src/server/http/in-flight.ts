/**
 * The requests still being handled, so a shutdown waits for them before the store closes.
 * A client that gives up (a closed tab, a benchmark ending) closes its connection while its
 * request goes on; without the wait that request's write would meet a closed store.
 */
type Fetch<A extends unknown[]> = (request: Request, ...rest: A) => Response | Promise<Response>;

export interface InFlight {
  track<A extends unknown[]>(fetch: Fetch<A>): Fetch<A>;
  /** Resolves once no request is being handled, or after `timeoutMs` at the latest. */
  settled(timeoutMs: number): Promise<void>;
}

export function inFlight(): InFlight {
  let count = 0;
  const waiting: (() => void)[] = [];
  return {
    track:
      (fetch) =>
      async (request, ...rest) => {
        count += 1;
        try {
          return await fetch(request, ...rest);
        } finally {
          count -= 1;
          if (count === 0) for (const resolve of waiting.splice(0)) resolve();
        }
      },
    settled: (timeoutMs) =>
      count === 0
        ? Promise.resolve()
        : new Promise((resolve) => {
            waiting.push(resolve);
            setTimeout(resolve, timeoutMs).unref();
          }),
  };
}
