/**
 * Thrown once, at construction or bootstrap, when options are wrong. It lists every bad option
 * with its value so a deployment fails with one readable message instead of a refusal per request.
 */
export class ApiAccessConfigError extends Error {
  readonly code = 'ERR_API_ACCESS_CONFIG';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid API Access guard options: ${problems.join('; ')}`);
    this.name = 'ApiAccessConfigError';
    this.problems = problems;
  }
}
