import { Inject, Injectable } from '@nestjs/common';
import axios, { type AxiosInstance } from 'axios';
import { InvalidOptionError } from '../../errors/api-access-error.js';
import { describeValue } from '../option-checks.js';
import { TokenClient, withApiAccess } from '../index.js';
import { API_ACCESS_CLIENT_OPTIONS } from './api-access-client.module-definition.js';
import type { ApiAccessClientModuleOptions } from './api-access-client.options.js';

/**
 * The app's target APIs by name, each an axios instance that sends API Access tokens. Looked up
 * by name rather than injected one by one because targets may come from `forRootAsync`, whose
 * names are not known when Nest collects providers. Call `get` in a constructor, so a typo fails
 * at bootstrap.
 *
 * @example
 * constructor(targets: ApiAccessTargets) { this.reports = targets.get('reports'); }
 */
@Injectable()
export class ApiAccessTargets {
  readonly #instances = new Map<string, AxiosInstance>();

  constructor(
    @Inject(API_ACCESS_CLIENT_OPTIONS) options: ApiAccessClientModuleOptions,
    client: TokenClient,
  ) {
    for (const [index, target] of (options.targets ?? []).entries()) {
      const where = `targets[${index}]`;
      if (
        typeof target.name !== 'string' ||
        target.name === '' ||
        this.#instances.has(target.name)
      ) {
        throw new InvalidOptionError(
          `${where}.name`,
          `expected a unique non-empty name, got ${describeValue(target.name)}`,
        );
      }
      if (typeof target.audience !== 'string' || target.audience === '') {
        throw new InvalidOptionError(
          `${where}.audience`,
          `expected a client id, got ${describeValue(target.audience)}`,
        );
      }
      if (typeof target.baseURL !== 'string' || !URL.canParse(target.baseURL)) {
        throw new InvalidOptionError(
          `${where}.baseURL`,
          `expected a URL, got ${describeValue(target.baseURL)}`,
        );
      }
      const timeout = target.timeoutMs ?? 0;
      if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0) {
        throw new InvalidOptionError(
          `${where}.timeoutMs`,
          `expected a number >= 0, got ${describeValue(timeout)}`,
        );
      }
      const http = axios.create({ baseURL: target.baseURL, timeout });
      this.#instances.set(target.name, withApiAccess(http, { client, audience: target.audience }));
    }
  }

  /** The HTTP client for target `name`. @throws {InvalidOptionError} for an undeclared name. */
  get(name: string): AxiosInstance {
    const instance = this.#instances.get(name);
    if (!instance) {
      const known = [...this.#instances.keys()].map((n) => `"${n}"`).join(', ') || 'none';
      throw new InvalidOptionError(
        'targets',
        `no target named ${describeValue(name)} (declared: ${known})`,
      );
    }
    return instance;
  }
}
