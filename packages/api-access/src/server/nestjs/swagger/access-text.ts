import type { AccessRequirements } from '../../index.js';

/** A route's access rule in words, for its API docs. */
export interface AccessText {
  /** E.g. "Needs any of the roles `reader`, `admin`." */
  readonly description: string;
  /** When the guard answers 403, e.g. "Valid token without both roles `reader` and `auditor`". */
  readonly forbidden: string | undefined;
}

export function describeAccess({
  anyRoles = [],
  allRoles = [],
  callers = [],
}: AccessRequirements): AccessText {
  const roles = [
    anyRoles.length > 1 ? `any of the roles ${quoted(anyRoles).join(', ')}` : one(anyRoles),
    allRoles.length === 2 ? `both roles ${and(allRoles)}` : undefined,
    allRoles.length > 2 ? `all of the roles ${and(allRoles)}` : one(allRoles),
  ].filter((phrase) => phrase !== undefined);
  const who = callers.length > 0 ? quoted(callers).join(', ') : undefined;
  const needs = roles.length > 0 ? `Needs ${roles.join(', and ')}.` : 'Needs no role.';
  const refused = [
    roles.length > 0 ? `without ${roles.join(', or ')}` : undefined,
    who ? `from a caller other than ${who}` : undefined,
  ].filter((phrase) => phrase !== undefined);
  return {
    description: who ? `${needs} Only callers ${who}.` : needs,
    forbidden: refused.length > 0 ? `Valid token ${refused.join(', or ')}` : undefined,
  };
}

function one(roles: readonly string[]): string | undefined {
  return roles.length === 1 ? `the role ${quoted(roles).join('')}` : undefined;
}

function and(roles: readonly string[]): string {
  const names = quoted(roles);
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function quoted(names: readonly string[]): string[] {
  return names.map((name) => `\`${name}\``);
}
