import { type Variable } from './read-env.js';

/** An integer in [min, max]; `fallback` when unset. */
export function integer(fallback: number, min: number, max: number): Variable<number> {
  const expected = `an integer from ${min} to ${max}`;
  return {
    expected,
    read: (raw) => {
      if (raw === undefined) return { value: fallback };
      const value = Number(raw);
      return /^\d+$/.test(raw.trim()) && value >= min && value <= max
        ? { value }
        : { problem: `expected ${expected}, got ${JSON.stringify(raw)}` };
    },
  };
}

/** An integer in [min, max] that may be unset (the feature it configures is then off). */
export function optionalInteger(min: number, max: number): Variable<number | undefined> {
  const whenSet = integer(0, min, max);
  return {
    expected: whenSet.expected,
    read: (raw) => (raw === undefined ? { value: undefined } : whenSet.read(raw)),
  };
}

/** Free text matching `pattern`; `fallback` when unset (required when no fallback). */
export function text(
  fallback?: string,
  pattern = /^.+$/,
  expected = 'a non-empty value',
): Variable<string> {
  return {
    expected,
    read: (raw) => {
      const value = raw ?? fallback;
      if (value === undefined) return { problem: `required (${expected})` };
      return pattern.test(value)
        ? { value }
        : { problem: `expected ${expected}, got ${JSON.stringify(value)}` };
    },
  };
}

/** A secret: never echoed in a problem. Optional when `fallback` is given. */
export function secret(fallback?: string, minLength = 1): Variable<string> {
  return {
    expected: `a secret of at least ${minLength} characters`,
    secret: true,
    read: (raw) => {
      const value = raw ?? fallback;
      if (value === undefined) return { problem: 'required' };
      return value.length >= minLength
        ? { value }
        : { problem: `must be at least ${minLength} characters` };
    },
  };
}

/** An http(s) URL without query or fragment, trailing slashes removed. */
const URL_RULE = 'an http(s) URL without query or fragment';

export function url(fallback?: string): Variable<string> {
  return {
    expected: URL_RULE,
    read: (raw) => {
      const value = raw ?? fallback;
      if (value === undefined) return { problem: 'required (an http(s) URL)' };
      return parseUrl(value);
    },
  };
}

export function optionalUrl(): Variable<string | undefined> {
  return {
    expected: URL_RULE,
    read: (raw) => (raw === undefined ? { value: undefined } : parseUrl(raw)),
  };
}

function parseUrl(raw: string): { value: string } | { problem: string } {
  try {
    const parsed = new URL(raw);
    if (
      (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
      !parsed.search &&
      !parsed.hash
    ) {
      return { value: raw.replace(/\/+$/, '') };
    }
  } catch {
    // reported below
  }
  return {
    problem: `expected ${URL_RULE}, got ${JSON.stringify(raw)}`,
  };
}

/** A secret that may be unset (the feature it guards is then off). */
export function optionalSecret(minLength = 1): Variable<string | undefined> {
  return {
    expected: `a secret of at least ${minLength} characters`,
    secret: true,
    read: (raw) =>
      raw === undefined ? { value: undefined } : secret(undefined, minLength).read(raw),
  };
}

/** Free text that may be unset. */
export function optionalText(): Variable<string | undefined> {
  return { expected: 'a non-empty value', read: (raw) => ({ value: raw }) };
}

/**
 * A PostgreSQL connection URL (`postgres://user:password@host:port/database`) that may be unset.
 * A problem shows the URL with its password masked.
 */
export function optionalPostgresUrl(): Variable<string | undefined> {
  return {
    expected: 'a postgres://user:password@host:port/database URL',
    read: (raw) => {
      if (raw === undefined) return { value: undefined };
      let parsed: URL | undefined;
      try {
        parsed = new URL(raw);
      } catch {
        // reported below
      }
      if (
        parsed &&
        (parsed.protocol === 'postgres:' || parsed.protocol === 'postgresql:') &&
        parsed.hostname &&
        parsed.pathname.length > 1
      ) {
        return { value: raw };
      }
      const shown = parsed?.password ? raw.replace(`:${parsed.password}@`, ':***@') : raw;
      return {
        problem: `expected postgres://user:password@host:port/database, got ${JSON.stringify(shown)}`,
      };
    },
  };
}
