import { Inject, Injectable } from '@nestjs/common';
import axios, { type AxiosInstance } from 'axios';
import { InvalidOptionError } from '../../errors/api-access-error.js';
import { describeValue, isHttpUrl, isObject, isText } from '../../options/option-checks.js';
import { OptionProblems } from '../../options/option-problems.js';
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
    const targets = options.targets ?? [];
    const problems = new OptionProblems();
    problems.expect('targets', Array.isArray(targets), 'a list of targets', targets);
    problems.throwIfAny();
    for (const [index, target] of targets.entries()) {
      const where = `targets[${index}]`;
      problems.expect(where, isObject(target), 'an object', target);
      if (!isObject(target)) continue;
      const name: unknown = target.name;
      problems.expect(
        `${where}.name`,
        isText(name) && targets.findIndex((other) => other?.name === name) === index,
        'a unique non-empty name',
        name,
      );
      problems.expect(`${where}.audience`, isText(target.audience), 'a client id', target.audience);
      problems.expect(
        `${where}.baseURL`,
        isHttpUrl(target.baseURL),
        'an http(s) URL',
        target.baseURL,
      );
      problems.number(`${where}.timeoutMs`, target.timeoutMs ?? 0, { min: 0 });
    }
    problems.throwIfAny();
    for (const target of targets) {
      const http = axios.create({ baseURL: target.baseURL, timeout: target.timeoutMs ?? 0 });
      this.#instances.set(target.name, withApiAccess(http, { client, audience: target.audience }));
    }
  }

  /** The HTTP client for target `name`. @throws {InvalidOptionError} for an undeclared name. */
  get(name: string): AxiosInstance {
    const instance = this.#instances.get(name);
    if (!instance) {
      const declared = [...this.#instances.keys()].map(describeValue).join(', ') || 'none';
      throw new InvalidOptionError(
        'targets',
        `expected a target named ${describeValue(name)}, got ${declared}`,
      );
    }
    return instance;
  }
}
