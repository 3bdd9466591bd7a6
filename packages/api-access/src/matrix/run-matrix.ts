import type { Matrix, MatrixCell } from './matrix.js';
import { identityAuthorizations, type IdentityTokenOptions } from './identity-tokens.js';
import { refusalReason, type RefusalReason } from './refusal-reason.js';

export interface RunMatrixOptions extends IdentityTokenOptions {
  /** Timeout of one call to the target, in ms. Default 10000. */
  timeoutMs?: number;
  /** Milliseconds since the epoch, for the report's durations. Default `Date.now`. */
  clock?: () => number;
}

/** One cell once run. `actual` is absent when the call got no answer (`error` says why). */
export interface CellResult {
  readonly identity: string;
  readonly route: string;
  readonly expected: number;
  readonly actual?: number;
  readonly passed: boolean;
  /** The target's refusal reason, on any 4xx/5xx answer. */
  readonly reason?: RefusalReason;
  readonly error?: string;
  /** Duration of the call, in ms. */
  readonly durationMs: number;
}

export interface MatrixResult {
  readonly file: string;
  readonly target: string;
  readonly passed: boolean;
  readonly cells: readonly CellResult[];
  /** Duration of the whole run, tokens included, in ms. */
  readonly durationMs: number;
}

/**
 * Gets every identity's token, then calls every route as every identity, one call at a time, and
 * compares each status with the expected one.
 * @throws {MatrixSetupError} an identity cannot get a token here (nothing was called)
 * @throws {MatrixIdentityError} the SSO refused an identity (nothing was called)
 */
export async function runMatrix(
  matrix: Matrix,
  options: RunMatrixOptions = {},
): Promise<MatrixResult> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const authorizations = await identityAuthorizations(matrix, options);
  const cells: CellResult[] = [];
  for (const cell of matrix.cells) {
    cells.push(await runCell(matrix, cell, authorizations.get(cell.identity.name), options));
  }
  return {
    file: matrix.file,
    target: matrix.target,
    passed: cells.every((cell) => cell.passed),
    cells,
    durationMs: clock() - started,
  };
}

/** Calls one route as one identity (the Authorization header already made). */
export async function runCell(
  matrix: Matrix,
  { identity, route, expected }: MatrixCell,
  authorization: string | undefined,
  options: RunMatrixOptions = {},
): Promise<CellResult> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const headers: Record<string, string> = { ...route.headers };
  if (authorization !== undefined) headers.authorization = authorization;
  if (route.body !== undefined) headers['content-type'] ??= 'application/json';
  const base = { identity: identity.name, route: route.name, expected };
  try {
    const response = await (options.fetch ?? fetch)(`${matrix.target}${route.path}`, {
      method: route.method,
      headers,
      ...(route.body !== undefined && { body: JSON.stringify(route.body) }),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const body = await response.text();
    const reason = response.status >= 400 ? refusalReason(response.headers, body) : undefined;
    return {
      ...base,
      actual: response.status,
      passed: response.status === expected,
      ...(reason && { reason }),
      durationMs: clock() - started,
    };
  } catch (error) {
    // fetch says only "fetch failed"; its cause says why (ECONNREFUSED, a timeout, a bad port).
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message;
    const message = `${route.method} ${matrix.target}${route.path}: ${(error as Error).message}${why ? ` (${why})` : ''}`;
    return { ...base, passed: false, error: message, durationMs: clock() - started };
  }
}
