import type { TokenClientOptions } from '../index.js';

/** A target API this app calls: its client id (the token audience) and where it lives. */
export interface ApiAccessTarget {
  /** The name the app asks for, e.g. `reports`. */
  name: string;
  /** The target's client id (or resource URI), sent as `targetParameters` say, `audience` by default. */
  audience: string;
  /** Base URL of the target API, e.g. `https://reports.example.cern.ch/api`. */
  baseURL: string;
  /** Timeout of each call to the target, in ms (token fetch not included). Default none. */
  timeoutMs?: number;
}

/** The token client's options plus the targets to prepare an HTTP client for. */
export interface ApiAccessClientModuleOptions extends TokenClientOptions {
  /** Targets, each served as a ready axios instance by `ApiAccessTargets.get(name)`. Default none. */
  targets?: ApiAccessTarget[];
}
