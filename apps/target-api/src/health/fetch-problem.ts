/** Why a fetch failed, in words fit for a log line: `timed out`, `unreachable (ECONNREFUSED)`. */
export function fetchProblem(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? `unreachable (${cause.code})` : 'unreachable';
}
