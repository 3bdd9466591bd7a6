import autocannon from 'autocannon';

export interface LoadOptions {
  /** Full URL of the route. */
  url: string;
  /** The token for the next request (sent as `Authorization: Bearer <token>`). */
  nextToken: () => string;
  /** How long to send requests, in seconds. */
  durationSec: number;
  /** Stop after this many requests instead of after `durationSec` (tests: no wall-time bound). */
  amount?: number;
  /** Concurrent connections. Default 10. */
  connections?: number;
}

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** How long the run really lasted, seconds. */
  durationSec: number;
}

/**
 * One autocannon run. Every request is rebuilt with the next token, even when it is always the
 * same one, so the load generator does the same work for every route and token set. Any non-2xx answer or
 * connection error fails the run: a figure made of refusals would be meaningless.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { nextToken } = options;
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? 10,
    duration: options.durationSec,
    ...(options.amount === undefined ? {} : { amount: options.amount }),
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          headers: {
            ...request.headers,
            authorization: `Bearer ${nextToken()}`,
          },
        }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    const codes = JSON.stringify(result.statusCodeStats);
    throw new Error(
      `${options.url}: ${result.non2xx} non-2xx answers and ${result.errors} errors (${codes})`,
    );
  }
  return {
    requestsPerSec: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    durationSec: result.duration,
  };
}
