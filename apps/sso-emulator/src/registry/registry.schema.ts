import { parse } from 'yaml';
import {
  type ApplicationDefinition,
  type GroupDefinition,
  type RegistryDefinition,
  type RoleDefinition,
} from './registry.types.js';

/** A registry that cannot be used; the message names the entry and the problem. */
export class RegistryError extends Error {
  readonly code = 'ERR_REGISTRY';
  constructor(
    readonly problems: string[],
    source: string,
  ) {
    super(`Invalid registry ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RegistryError';
  }
}

type Fields = Record<string, unknown>;

/** Parses and checks the shape of a registry file. Cross-references are checked by `Registry`. */
export function parseRegistry(text: string, source: string): RegistryDefinition {
  let document: unknown;
  try {
    document = parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    throw new RegistryError([`not valid YAML: ${(error as Error).message}`], source);
  }
  const problems: string[] = [];
  const root = asObject(document, 'the document', problems);
  const registry: RegistryDefinition = {
    applications: list(root.applications, 'applications', problems).map((entry, i) =>
      application(entry, `applications[${i}]`, problems),
    ),
    groups: list(root.groups ?? [], 'groups', problems).map((entry, i) =>
      group(entry, `groups[${i}]`, problems),
    ),
  };
  if (problems.length > 0) throw new RegistryError(problems, source);
  return registry;
}

function application(entry: unknown, where: string, problems: string[]): ApplicationDefinition {
  const fields = asObject(entry, where, problems);
  const clientId = text(fields.clientId, `${where}.clientId`, problems);
  const at = clientId ? `application "${clientId}"` : where;
  return {
    clientId,
    secret: text(fields.secret, `${at}: secret`, problems),
    displayName: optionalText(fields.displayName, `${at}: displayName`, problems) ?? clientId,
    apiAccess: flag(fields.apiAccess, `${at}: apiAccess`, problems),
    roles: list(fields.roles ?? [], `${at}: roles`, problems).map((role, i) =>
      roleDefinition(role, `${at}: roles[${i}]`, problems),
    ),
  };
}

function roleDefinition(entry: unknown, where: string, problems: string[]): RoleDefinition {
  const fields = asObject(entry, where, problems);
  return {
    name: text(fields.name, `${where}.name`, problems),
    description: optionalText(fields.description, `${where}.description`, problems) ?? '',
    groups: list(fields.groups ?? [], `${where}.groups`, problems).map((name, i) =>
      text(name, `${where}.groups[${i}]`, problems),
    ),
    applyToAllUsers: flag(fields.applyToAllUsers, `${where}.applyToAllUsers`, problems),
  };
}

function group(entry: unknown, where: string, problems: string[]): GroupDefinition {
  const fields = asObject(entry, where, problems);
  const name = text(fields.name, `${where}.name`, problems);
  const at = name ? `group "${name}"` : where;
  return {
    name,
    members: list(fields.members ?? [], `${at}: members`, problems).map((member, i) =>
      text(member, `${at}: members[${i}]`, problems),
    ),
  };
}

function asObject(value: unknown, where: string, problems: string[]): Fields {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Fields;
  problems.push(`${where}: expected a mapping`);
  return {};
}

function list(value: unknown, where: string, problems: string[]): unknown[] {
  if (Array.isArray(value)) return value;
  problems.push(`${where}: expected a list`);
  return [];
}

function text(value: unknown, where: string, problems: string[]): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  problems.push(`${where}: missing (expected a non-empty string)`);
  return '';
}

function optionalText(value: unknown, where: string, problems: string[]): string | undefined {
  return value === undefined ? undefined : text(value, where, problems);
}

function flag(value: unknown, where: string, problems: string[]): boolean {
  if (value === undefined || typeof value === 'boolean') return value ?? false;
  problems.push(`${where}: expected true or false`);
  return false;
}
