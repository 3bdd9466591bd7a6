import { InvalidOptionError } from '../errors/api-access-error.js';
import { describeRule, describeValue, isNumber, type NumberRule } from './option-checks.js';

/**
 * The bad options of one resolver, each as `<option>: expected <rule>, got <value>`, collected
 * so that one InvalidOptionError lists them all instead of stopping at the first.
 */
export class OptionProblems {
  readonly #problems: string[] = [];

  /** Records a problem unless `ok`. */
  expect(option: string, ok: boolean, rule: string, value: unknown): void {
    if (!ok) this.#problems.push(`${option}: expected ${rule}, got ${describeValue(value)}`);
  }

  /** As `expect`, but shows only what kind of value it was: a secret is never echoed. */
  expectSecret(option: string, ok: boolean, rule: string, value: unknown): void {
    const kind = typeof value === 'string' ? 'a blank string' : typeof value;
    if (!ok) this.#problems.push(`${option}: expected ${rule}, got ${kind}`);
  }

  /** Checks a finite number against `rule` and returns it (unchanged, even when bad). */
  number(option: string, value: unknown, rule: NumberRule): number {
    this.expect(option, isNumber(value, rule), describeRule(rule), value);
    return value as number;
  }

  /** @throws {InvalidOptionError} listing every problem recorded so far, if there is one. */
  throwIfAny(): void {
    if (this.#problems.length > 0) throw new InvalidOptionError(this.#problems);
  }
}
