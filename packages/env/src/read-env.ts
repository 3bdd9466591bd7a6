/** One variable: turns the raw string (or undefined) into a value, or says what is wrong. */
export interface Variable<T> {
  /** What a good value looks like, for messages: `an integer from 0 to 65535`. */
  readonly expected: string;
  /** A secret's value, default included, never appears in a message. */
  readonly secret?: boolean;
  read(raw: string | undefined): { value: T } | { problem: string };
}

export type EnvSchema = Record<string, Variable<unknown>>;

type Values<S extends EnvSchema> = { [K in keyof S]: S[K] extends Variable<infer T> ? T : never };

/** A bad environment: every bad variable is listed, and no value of a secret ever is. */
export class EnvironmentError extends Error {
  readonly code = 'ERR_ENVIRONMENT';
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'EnvironmentError';
  }
}

/** Reads every variable of `schema` from `env`; throws one error listing all problems. */
export function readEnv<S extends EnvSchema>(
  schema: S,
  env: Record<string, string | undefined>,
): Values<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(schema)) {
    const raw = env[name];
    // `API_CLIENT_ID=` is a mistake, not a wish for the default: falling back would hide it.
    const result = raw === '' ? { problem: emptyProblem(variable) } : variable.read(raw);
    if ('problem' in result) problems.push(`${name}: ${result.problem}`);
    else values[name] = result.value;
  }
  if (problems.length > 0) throw new EnvironmentError(problems);
  return values as Values<S>;
}

function emptyProblem(variable: Variable<unknown>): string {
  const unset = variable.read(undefined);
  const hint =
    'problem' in unset
      ? ''
      : unset.value === undefined
        ? ' (unset it to leave it out)'
        : ` (unset it to use the default${variable.secret ? '' : ` ${JSON.stringify(unset.value)}`})`;
  return `expected ${variable.expected}, got an empty value${hint}`;
}
