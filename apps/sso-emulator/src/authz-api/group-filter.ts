import { BadRequestException } from '@nestjs/common';
import { type GroupResource } from './resources.js';

const FIELDS = ['groupIdentifier', 'displayName', 'id'] as const;
const OPERATORS = ['eq', 'contains'] as const;

type Field = (typeof FIELDS)[number];
type Operator = (typeof OPERATORS)[number];

export interface GroupCondition {
  field: Field;
  operator: Operator;
  value: string;
}

const SYNTAX = '<field>:<value> or <field>:<operator>:<value>';

/**
 * Reads `filter`: `groupIdentifier:<value>` (equality, as in the example) or
 * `<field>:eq|contains:<value>` (what public clients of the real API send). Repeated `filter`
 * parameters must all hold. A bad one is a 400 that names it and what was expected.
 */
export function readGroupFilter(raw: unknown): GroupCondition[] {
  if (raw === undefined) return [];
  const filters = Array.isArray(raw) ? raw : [raw];
  return filters.map((filter) => {
    if (typeof filter !== 'string') throw new BadRequestException(`filter: expected ${SYNTAX}`);
    return condition(filter);
  });
}

/** True when the group satisfies every condition; comparisons ignore case. */
export function matchesAll(group: GroupResource, conditions: readonly GroupCondition[]): boolean {
  return conditions.every(({ field, operator, value }) => {
    const actual = group[field].toLowerCase();
    const wanted = value.toLowerCase();
    return operator === 'eq' ? actual === wanted : actual.includes(wanted);
  });
}

function condition(filter: string): GroupCondition {
  const bad = (why: string) => new BadRequestException(`filter "${filter}": ${why}`);
  const colon = filter.indexOf(':');
  if (colon === -1) throw bad(`expected ${SYNTAX}`);
  const field = filter.slice(0, colon);
  if (!isOneOf(FIELDS, field)) {
    throw bad(`unknown field "${field}" (expected one of ${FIELDS.join(', ')})`);
  }
  let rest = filter.slice(colon + 1);
  let operator: Operator = 'eq';
  const second = rest.indexOf(':');
  if (second !== -1) {
    const word = rest.slice(0, second);
    if (!isOneOf(OPERATORS, word)) {
      throw bad(`unknown operator "${word}" (expected one of ${OPERATORS.join(', ')})`);
    }
    operator = word;
    rest = rest.slice(second + 1);
  }
  if (rest === '') throw bad('empty value');
  return { field, operator, value: rest };
}

function isOneOf<T extends string>(choices: readonly T[], value: string): value is T {
  return (choices as readonly string[]).includes(value);
}
