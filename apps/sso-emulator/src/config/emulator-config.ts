import type { ObservabilityOptions } from '@cern-sso/observability';

/** Everything the emulator needs to run, validated once at start. */
export interface EmulatorConfig {
  /** TCP port to listen on; 0 picks a free one. Default 8080. */
  port: number;
  /** Interface to bind. Default 127.0.0.1 (set 0.0.0.0 in a container). */
  host: string;
  /** Base URL clients use to reach the emulator; the issuer starts with it. Default http://localhost:<port>. */
  publicUrl?: string;
  /** Keycloak realm name. Default `cern`. */
  realm: string;
  /** Access token lifetime in seconds. Default 1200 (20 minutes, as CERN SSO). */
  tokenLifetimeSec: number;
  /** Secret for `/admin/*`; admin routes answer 403 when unset. */
  adminSecret?: string;
  /** Path of the registry YAML file. */
  registryPath: string;
  /** Path of a keys file made by `keys:create`; keys are generated in memory when unset. */
  keysFile?: string;
  /** OTLP/HTTP collector that receives this service's spans; tracing is off when unset. */
  otlpEndpoint?: string;
  /** JSON logs and `/metrics` (see @cern-sso/observability). Default: info, JSON, `/metrics` open. */
  observability?: ObservabilityOptions;
}

/** The realm URL, which is also the `iss` of every token. */
export function realmUrl(publicUrl: string, realm: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/auth/realms/${encodeURIComponent(realm)}`;
}
