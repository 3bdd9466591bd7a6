import { fileURLToPath } from 'node:url';
import { type EmulatorConfig } from './emulator-config.js';

/** A bad environment: lists every bad variable at once, never a secret's value. */
export class EnvironmentError extends Error {
  readonly code = 'ERR_EMULATOR_ENV';
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'EnvironmentError';
  }
}

export const DEFAULT_REGISTRY_PATH = fileURLToPath(new URL('../../registry.yaml', import.meta.url));

type Env = Record<string, string | undefined>;

/** Reads the emulator's configuration from environment variables (see README for the list). */
export function parseEmulatorEnv(env: Env): EmulatorConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
      problems.push(
        `${name}: expected an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`,
      );
    }
    return value;
  };
  const url = (name: string): string | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    try {
      const parsed = new URL(raw);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
      if (parsed.search || parsed.hash) throw new Error('query');
    } catch {
      problems.push(
        `${name}: expected an http(s) URL without query or fragment, got ${JSON.stringify(raw)}`,
      );
    }
    return raw.replace(/\/+$/, '');
  };

  const config: EmulatorConfig = {
    port: integer('PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    publicUrl: url('SSO_PUBLIC_URL'),
    realm: env.SSO_REALM || 'cern',
    tokenLifetimeSec: integer('SSO_TOKEN_LIFETIME', 1200, 1, 86_400),
    adminSecret: env.SSO_ADMIN_SECRET || undefined,
    registryPath: env.SSO_REGISTRY || DEFAULT_REGISTRY_PATH,
    keysFile: env.SSO_KEYS_FILE || undefined,
  };
  if (!/^[A-Za-z0-9._-]+$/.test(config.realm)) {
    problems.push(
      `SSO_REALM: expected letters, digits, '.', '_' or '-', got ${JSON.stringify(config.realm)}`,
    );
  }
  if (config.adminSecret !== undefined && config.adminSecret.length < 8) {
    problems.push('SSO_ADMIN_SECRET: must be at least 8 characters');
  }
  if (problems.length > 0) throw new EnvironmentError(problems);
  return config;
}
