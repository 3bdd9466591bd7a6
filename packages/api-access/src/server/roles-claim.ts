import { isJsonObject, own, type JsonObject } from './decode-token.js';

const NO_ROLES: readonly string[] = Object.freeze([]);

/**
 * The roles at `path` in the payload, walking own properties only. A missing claim means no
 * roles, and so does a claim of the wrong type: a string, an object, or an array holding
 * anything but strings grants nothing rather than something surprising.
 */
export function readRoles(payload: JsonObject, path: readonly string[]): readonly string[] {
  let value: unknown = payload;
  for (const segment of path) {
    if (!isJsonObject(value)) return NO_ROLES;
    value = own(value, segment);
  }
  if (!Array.isArray(value) || !value.every((role) => typeof role === 'string')) return NO_ROLES;
  return Object.freeze([...(value as string[])]);
}
