// The checks behind every option rule, client and server alike, and how a bad value is shown.

export function isHttpUrl(value: unknown): value is string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  return url?.protocol === 'http:' || url?.protocol === 'https:';
}

/** A string with something other than whitespace in it. */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bounds of a numeric option; `above` is an exclusive lower bound. */
export interface NumberRule {
  min?: number;
  above?: number;
  max?: number;
  integer?: boolean;
}

/** NaN and the infinities never pass, whatever the bounds. */
export function isNumber(value: unknown, rule: NumberRule): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= (rule.min ?? -Infinity) &&
    value > (rule.above ?? -Infinity) &&
    value <= (rule.max ?? Infinity) &&
    (!rule.integer || Number.isInteger(value))
  );
}

/** `an integer >= 1`, `a number from 0 to 300`, `a number > 0 and <= 1`. */
export function describeRule({ min, above, max, integer }: NumberRule): string {
  const kind = integer ? 'an integer' : 'a number';
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  const bounds = [
    min !== undefined ? `>= ${min}` : above !== undefined ? `> ${above}` : undefined,
    max !== undefined ? `<= ${max}` : undefined,
  ];
  return `${kind} ${bounds.filter((bound) => bound !== undefined).join(' and ')}`;
}

/**
 * Shows a bad value briefly: strings quoted and cut, arrays by their first items, numbers as
 * themselves (so `NaN`, `Infinity`), anything else by its type.
 */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map(describeValue);
    return `[${shown.join(', ')}${value.length > 5 ? ', ...' : ''}]`;
  }
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null ||
    value === undefined
  ) {
    return String(value);
  }
  return typeof value;
}
