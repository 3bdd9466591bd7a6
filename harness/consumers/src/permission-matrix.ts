import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fixtureDir, registryPath, type Fixture } from './fixtures.js';

/** One HTTP call to the app's guarded API and what the guard must answer (docs/guard.md). */
export interface ApiCall {
  /** `METHOD /path`. */
  request: string;
  /** The registry application whose token is sent; none without it. */
  as?: string;
  /** The audience the token is asked for; the app's own client id by default. */
  audience?: string;
  /** Text sent as the bearer token instead of a real one. */
  token?: string;
  status: number;
  body?: unknown;
  /** The refusal's `code` in the JSON body. */
  code?: string;
  /** The `error` of `WWW-Authenticate`; "" for a bare challenge. */
  challenge?: string;
}

/** One run of the app's one-shot caller as `as`, and the outcome it prints. */
export interface CallerRun {
  as: string;
  outcome: unknown;
}

export interface PermissionMatrix {
  api: ApiCall[];
  caller: CallerRun[];
}

/** The fixture's matrix.json. Read synchronously: jest's `it.each` needs the rows up front. */
export function readMatrix(fixture: Fixture): PermissionMatrix {
  return JSON.parse(readFileSync(join(fixtureDir(fixture), 'matrix.json'), 'utf8'));
}

/** The client secret of a registry application (the emulator's public development secrets). */
export function secretOf(clientId: string): string {
  const registry = parse(readFileSync(registryPath, 'utf8')) as {
    applications: { clientId: string; secret: string }[];
  };
  const application = registry.applications.find((app) => app.clientId === clientId);
  if (!application) throw new Error(`${registryPath}: no application "${clientId}"`);
  return application.secret;
}
