import { Inject, Injectable } from '@nestjs/common';
import { type AxiosInstance } from 'axios';
import { ApiAccessTargets } from '@cern-sso/api-access/client/nestjs';

/**
 * The target-api HTTP client: every request carries an API Access token for its audience, and
 * times out after TARGET_API_TIMEOUT_MS (a hung target becomes a 504, never a hung request).
 */
@Injectable()
export class TargetApi {
  readonly http: AxiosInstance;

  constructor(@Inject(ApiAccessTargets) targets: ApiAccessTargets) {
    this.http = targets.get('target-api');
  }
}
