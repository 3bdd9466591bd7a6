import { Inject, Injectable } from '@nestjs/common';
import { type AxiosInstance } from 'axios';
import { ApiAccessTargets } from '@cern-sso/api-access/client/nestjs';
import { traceAxios } from '@cern-sso/tracing';

/** The token client's second named target: the same client, another audience. */
export const AUTHZ_API_TARGET = 'authorization-service-api';

/**
 * The Authorization Service API's HTTP client (AUTHZ_API_URL): every request carries an API
 * Access token whose audience is `authorization-service-api`.
 */
@Injectable()
export class AuthzApi {
  readonly http: AxiosInstance;

  constructor(@Inject(ApiAccessTargets) targets: ApiAccessTargets) {
    this.http = traceAxios(targets.get(AUTHZ_API_TARGET), { peer: AUTHZ_API_TARGET });
  }
}
