import type { ResolvedApiAccessOptions } from './resolve-options.js';
import {
  TokenAlgorithmError,
  TokenCritError,
  TokenKidMissingError,
  TokenMalformedError,
  TokenPayloadNotObjectError,
  TokenSignatureError,
  TokenTypError,
} from './token-errors.js';

/** A JWT object: a JSON object parsed from untrusted input (own properties only are meaningful). */
export type JsonObject = Readonly<Record<string, unknown>>;

/** The parts of a compact JWS the checks need, before its signature is verified. */
export interface DecodedToken {
  readonly alg: string;
  /** Undefined when the header has none: the key set's only key is then used, if it has one. */
  readonly kid: string | undefined;
  readonly payload: JsonObject;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Structural checks on an untrusted token, cheapest first, so junk is refused before any key
 * lookup or RSA work: three base64url parts, JSON object header and payload, `alg` on the
 * allow-list (exact, case-sensitive: `None` is as refused as `none`), no `crit`, a `kid` that is
 * a non-empty string when present, and `typ` when required. `jwk`, `jku`, `x5u` and `x5c` are ignored: keys come only from the JWKS.
 */
export function decodeToken(
  token: string,
  options: Pick<ResolvedApiAccessOptions, 'algorithms' | 'requireTyp'>,
): DecodedToken {
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
    throw new TokenMalformedError('token must have three dot-separated parts');
  }
  const header = parsePart(token.slice(0, first), 'header');
  if (!isJsonObject(header)) throw new TokenMalformedError('header is not a JSON object');

  const alg = own(header, 'alg');
  if (typeof alg !== 'string' || !options.algorithms.includes(alg)) {
    throw new TokenAlgorithmError(`alg is not one of ${options.algorithms.join(', ')}`);
  }
  if (own(header, 'crit') !== undefined) {
    throw new TokenCritError('crit header names extensions this API does not understand');
  }
  const kid = own(header, 'kid');
  if (kid !== undefined && (typeof kid !== 'string' || kid === '')) {
    throw new TokenKidMissingError('header kid is not a non-empty string');
  }
  if (options.requireTyp !== undefined && !typMatches(own(header, 'typ'), options.requireTyp)) {
    throw new TokenTypError(`header typ is not ${options.requireTyp}`);
  }

  const payload = parsePart(token.slice(first + 1, second), 'payload');
  if (!isJsonObject(payload)) throw new TokenPayloadNotObjectError('payload is not a JSON object');

  const signature = token.slice(second + 1);
  if (signature === '') throw new TokenSignatureError('signature is missing');
  if (!B64URL.test(signature)) throw new TokenMalformedError('signature is not base64url');
  return { alg, kid, payload };
}

/** The header `kid` of a token that decodeToken accepted (undefined when it has none). */
export function kidOf(token: string): string | undefined {
  const header = JSON.parse(
    Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString(),
  );
  const kid: unknown = own(header as JsonObject, 'kid');
  return typeof kid === 'string' ? kid : undefined;
}

/** Reads an own property only, so `__proto__` or `constructor` in a token never reach a prototype. */
export function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsePart(part: string, name: string): unknown {
  if (!B64URL.test(part)) throw new TokenMalformedError(`${name} is not base64url`);
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch (error) {
    throw new TokenMalformedError(`${name} is not JSON`, { cause: error });
  }
}

// RFC 7515 §4.1.9: `typ` is compared case-insensitively and may omit the `application/` prefix.
function typMatches(typ: unknown, expected: string): boolean {
  if (typeof typ !== 'string') return false;
  const strip = (value: string) => value.toLowerCase().replace(/^application\//, '');
  return strip(typ) === strip(expected);
}
