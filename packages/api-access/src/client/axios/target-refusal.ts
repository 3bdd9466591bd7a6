import axios, { type AxiosError } from 'axios';
import type { TargetRefusal } from '../errors/target-errors.js';
import { parseBearerChallenge } from './www-authenticate.js';

/**
 * Collects why the target refused a call: RFC 6750 `WWW-Authenticate` first (the standard place),
 * then the JSON body (`requiredRoles`, `message`), which guards often use for the details.
 * `audience` is that of the token sent, when there was one.
 */
export function targetRefusal(error: AxiosError, audience = ''): TargetRefusal {
  const response = error.response;
  const header = response?.headers['www-authenticate'];
  const challenge = parseBearerChallenge(typeof header === 'string' ? header : undefined);
  const body = asObject(
    typeof response?.data === 'string' ? parseJson(response.data) : response?.data,
  );
  const roles =
    stringList(body.requiredRoles ?? body.required_roles) ??
    challenge.scope?.split(' ').filter(Boolean);
  return {
    audience,
    method: (error.config?.method ?? 'get').toUpperCase(),
    url: targetUrl(error),
    status: response?.status ?? 0,
    oauthError: challenge.error ?? stringOrUndefined(body.error),
    description:
      challenge.error_description ?? stringOrUndefined(body.error_description ?? body.message),
    requiredRoles: roles ?? [],
    targetCode: stringOrUndefined(body.code),
  };
}

function targetUrl(error: AxiosError): string {
  return error.config ? axios.getUri(error.config) : '(unknown URL)';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function stringOrUndefined(value: unknown): string | undefined {
  if (Array.isArray(value))
    return value.filter((v) => typeof v === 'string').join('; ') || undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}
