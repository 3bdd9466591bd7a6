// The checks behind every option rule, and how a bad value is shown in the message.

export function isHttpUrl(value: unknown): boolean {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  return url?.protocol === 'http:' || url?.protocol === 'https:';
}

export function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export interface NumberRule {
  min: number;
  max?: number;
  integer?: boolean;
}

export function isNumber(value: unknown, rule: NumberRule): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= rule.min &&
    value <= (rule.max ?? Infinity) &&
    (!rule.integer || Number.isInteger(value))
  );
}

export function describeRule(rule: NumberRule): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  return `${kind} ${rule.max === undefined ? `>= ${rule.min}` : `in (0, ${rule.max}]`}`;
}

/** Shows a bad value briefly: strings quoted and cut, arrays by their first items, else by type. */
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
