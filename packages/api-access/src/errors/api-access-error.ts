/**
 * Base class of every error this package throws, caller side and API side alike. `code` is
 * stable: match on it, not on the message. `toJSON()` lists only safe fields, so logging an error
 * never prints a secret or a token.
 */
export abstract class ApiAccessError extends Error {
  abstract readonly code: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...this.details(),
      ...causeSummary(this.cause),
    };
  }

  /** Extra fields for `toJSON`; subclasses list what they add. */
  protected details(): Record<string, unknown> {
    return {};
  }
}

/**
 * The cause is summarised, not serialised: an HTTP library's error carries the request config,
 * and that config holds the client secret or the bearer token.
 */
function causeSummary(cause: unknown): Record<string, unknown> {
  if (!(cause instanceof Error)) return {};
  const code = (cause as { code?: unknown }).code;
  return {
    cause: {
      name: cause.name,
      message: cause.message,
      ...(typeof code === 'string' ? { code } : {}),
    },
  };
}

/**
 * A misconfiguration: thrown at construction or bootstrap (or by a bad argument), never at
 * request time. Names every bad option and why; never a secret's value.
 */
export class InvalidOptionError extends ApiAccessError {
  static readonly code = 'ERR_INVALID_OPTION';
  readonly code = InvalidOptionError.code;
  /** Each bad option as `<option>: <problem>`, e.g. `retry.maxAttempts: expected an integer >= 1, got 0`. */
  readonly problems: readonly string[];

  constructor(option: string, problem: string);
  constructor(problems: readonly string[]);
  constructor(first: string | readonly string[], problem?: string) {
    const problems = typeof first === 'string' ? [`${first}: ${problem}`] : first;
    super(`Invalid option ${problems.join('; ')}`);
    this.problems = Object.freeze([...problems]);
  }

  protected override details(): Record<string, unknown> {
    return { problems: this.problems };
  }
}
