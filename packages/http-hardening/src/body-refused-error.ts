/** Every refusal of a request body: its code and HTTP status. The README's table must match. */
export const BODY_REFUSALS = {
  ERR_BODY_NOT_JSON: 415,
  ERR_BODY_TOO_LARGE: 413,
  ERR_JSON_TOO_DEEP: 400,
} as const;

export type BodyRefusedCode = keyof typeof BODY_REFUSALS;

/**
 * A request body refused before the route sees it. Shaped like the `http-errors` that
 * body-parser raises (`status`, `statusCode`, `expose`), so Nest answers it as an HTTP error with
 * this status and message, exactly as it answers body-parser's own refusals.
 */
export class BodyRefusedError extends Error {
  readonly status: number;
  readonly statusCode: number;
  readonly expose = true;

  constructor(
    readonly code: BodyRefusedCode,
    message: string,
  ) {
    super(message);
    this.name = 'BodyRefusedError';
    this.status = this.statusCode = BODY_REFUSALS[code];
  }
}
