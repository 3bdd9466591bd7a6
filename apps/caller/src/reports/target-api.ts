import { Inject, Injectable } from '@nestjs/common';
import { type AxiosInstance } from 'axios';
import { ApiAccessTargets } from '@cern-sso/api-access/client/nestjs';
import { traceAxios } from '@cern-sso/tracing';

/**
 * The target-api HTTP client: every request carries an API Access token for its audience, and
 * times out after TARGET_API_TIMEOUT_MS (a hung target becomes a 504, never a hung request).
 * With tracing on, each call is a span that target-api continues (W3C `traceparent`).
 */
@Injectable()
export class TargetApi {
  readonly http: AxiosInstance;

  constructor(@Inject(ApiAccessTargets) targets: ApiAccessTargets) {
    this.http = traceAxios(targets.get('target-api'), { peer: 'target-api' });
  }
}
