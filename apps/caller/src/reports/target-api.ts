import { Inject, Injectable } from '@nestjs/common';
import { type AxiosInstance } from 'axios';
import { ApiAccessTargets } from '@cern-sso/api-access/client/nestjs';
import { CALLER_CONFIG } from '../config/caller-config.js';
import { type CallerConfig } from '../config/env.schema.js';

/** The target-api HTTP client: every request carries an API Access token for its audience. */
@Injectable()
export class TargetApi {
  readonly http: AxiosInstance;

  constructor(
    @Inject(ApiAccessTargets) targets: ApiAccessTargets,
    @Inject(CALLER_CONFIG) config: CallerConfig,
  ) {
    this.http = targets.get('target-api');
    // A hung target must become a 504 here, never a hung request.
    this.http.defaults.timeout = config.TARGET_API_TIMEOUT_MS;
  }
}
