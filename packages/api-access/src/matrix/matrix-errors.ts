import { ApiAccessError } from '../errors/api-access-error.js';

/** Where in a matrix file a problem is: 1-based line and column. */
export interface MatrixFileProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * A matrix file that cannot be run: unreadable, not YAML, against the schema, or inconsistent.
 * Lists every problem as `file:line:column: problem`; nothing has been run.
 */
export class MatrixFileError extends ApiAccessError {
  static readonly code = 'ERR_MATRIX_FILE';
  readonly code = MatrixFileError.code;

  constructor(
    readonly file: string,
    readonly problems: readonly MatrixFileProblem[],
  ) {
    super(
      `Invalid permission matrix ${file}:\n${problems
        .map((p) => `  ${file}:${p.line}:${p.column}: ${p.message}`)
        .join('\n')}`,
    );
  }

  /** The file could not be read: its OS error code, e.g. `ENOENT`. */
  static unreadable(file: string, error: unknown): MatrixFileError {
    const reason = (error as { code?: string }).code ?? String(error);
    return new MatrixFileError(file, [
      { line: 1, column: 1, message: `cannot read the file (${reason})` },
    ]);
  }

  protected override details(): Record<string, unknown> {
    return { file: this.file, problems: this.problems };
  }
}

/**
 * A matrix that is valid but cannot run in this environment: a secret variable unset, a `roles`
 * identity against a real SSO, no admin secret for the emulator. Names the variable, never a value.
 */
export class MatrixSetupError extends ApiAccessError {
  static readonly code = 'ERR_MATRIX_SETUP';
  readonly code = MatrixSetupError.code;

  constructor(readonly problems: readonly string[]) {
    super(`The permission matrix cannot run here:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  protected override details(): Record<string, unknown> {
    return { problems: this.problems };
  }
}

/** An identity's token could not be obtained while running; `cause` says what the SSO answered. */
export class MatrixIdentityError extends ApiAccessError {
  static readonly code = 'ERR_MATRIX_IDENTITY';
  readonly code = MatrixIdentityError.code;

  constructor(
    readonly identity: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`identity "${identity}": ${message}`, options);
  }

  protected override details(): Record<string, unknown> {
    return { identity: this.identity };
  }
}
