/** The codes of `BodyRefusedError`, one per limit a request body broke. */
export type BodyRefusedCode = 'ERR_BODY_NOT_JSON' | 'ERR_BODY_TOO_LARGE' | 'ERR_JSON_TOO_DEEP';

/**
 * A request body refused before the route sees it. Shaped like the `http-errors` that
 * body-parser raises (`status`, `statusCode`, `expose`), so Nest answers it as an HTTP error with
 * this status and message, exactly as it answers body-parser's own refusals.
 */
export class BodyRefusedError extends Error {
  readonly statusCode: number;
  readonly expose = true;

  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: BodyRefusedCode,
    message: string,
  ) {
    super(message);
    this.name = 'BodyRefusedError';
    this.statusCode = status;
  }
}
