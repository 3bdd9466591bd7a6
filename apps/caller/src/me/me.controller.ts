import { Controller, Get, Inject } from '@nestjs/common';
import { CALLER_CONFIG } from '../config/caller-config.js';
import { type CallerConfig } from '../config/env.schema.js';
import { AuthzApi } from './authz-api.js';
import { lookUpIdentity, type IdentityReport } from '@cern-sso/demo-scenario';

@Controller('me')
export class MeController {
  constructor(
    @Inject(AuthzApi) private readonly authz: AuthzApi,
    @Inject(CALLER_CONFIG) private readonly config: CallerConfig,
  ) {}

  /**
   * This caller as CERN's Authorization Service API knows it: identity, groups, and which roles
   * of target-api those groups give it, so a workshop sees why a call there is allowed or refused.
   */
  @Get()
  me(): Promise<IdentityReport> {
    return lookUpIdentity(this.authz.http, this.config.TARGET_API_AUDIENCE);
  }
}
