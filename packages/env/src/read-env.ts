/** One variable: turns the raw string (or undefined) into a value, or says what is wrong. */
export interface Variable<T> {
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
    const result = variable.read(raw === '' ? undefined : raw);
    if ('problem' in result) problems.push(`${name}: ${result.problem}`);
    else values[name] = result.value;
  }
  if (problems.length > 0) throw new EnvironmentError(problems);
  return values as Values<S>;
}
