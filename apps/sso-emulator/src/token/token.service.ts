import { type Registry } from '../registry/registry.js';
import { type RequestCounters } from '../admin/request-counters.js';
import { type EmulatorMetrics } from '../metrics/emulator-metrics.js';
import { authenticateClient } from './client-authentication.js';
import { OAuthError } from './oauth-error.js';
import { type TokenIssuer, type TokenResponse } from './token-issuer.js';

/** The two client-credentials grants: API Access (with a target audience) and the standard one. */
export class TokenService {
  constructor(
    private readonly registry: Registry,
    private readonly issuer: TokenIssuer,
    private readonly counters: RequestCounters,
    private readonly metrics: EmulatorMetrics,
  ) {}

  /** CERN's API Access endpoint: the token names the target in `aud` and carries the caller's roles there. */
  async apiAccess(
    form: Map<string, string>,
    authorization: string | undefined,
  ): Promise<TokenResponse> {
    this.counters.tokenRequests.apiAccess += 1;
    const caller = this.authorize(form, authorization);
    const audience = form.get('audience');
    if (audience === undefined || audience === '') {
      throw OAuthError.invalidRequest(
        'missing "audience": the client id of the target application',
      );
    }
    if (!this.registry.application(audience)) {
      throw new OAuthError(
        400,
        'invalid_target',
        `audience "${audience}" is not a registered application`,
      );
    }
    // Issued even when the caller holds no role there, as the real service does: the target refuses by role.
    const issued = await this.issuer.issue({
      callerId: caller,
      audience,
      roles: this.registry.rolesIn(audience, caller),
    });
    this.metrics.tokenIssued(audience, caller);
    return issued;
  }

  /** Keycloak's standard endpoint: no target audience and no roles, so no API should accept it. */
  async standard(
    form: Map<string, string>,
    authorization: string | undefined,
  ): Promise<TokenResponse> {
    this.counters.tokenRequests.standard += 1;
    const caller = this.authorize(form, authorization);
    const issued = await this.issuer.issue({ callerId: caller });
    this.metrics.tokenIssued(undefined, caller);
    return issued;
  }

  private authorize(form: Map<string, string>, authorization: string | undefined): string {
    const app = authenticateClient(this.registry, form, authorization);
    const grantType = form.get('grant_type');
    if (grantType === undefined || grantType === '') {
      throw OAuthError.invalidRequest('missing "grant_type" (expected client_credentials)');
    }
    if (grantType !== 'client_credentials') {
      throw new OAuthError(
        400,
        'unsupported_grant_type',
        `grant_type "${grantType}" is not supported here; use client_credentials`,
      );
    }
    if (!app.apiAccess) {
      // Keycloak answers 401 here; the portal checkbox is "get tokens using its own client ID and secret".
      throw new OAuthError(
        401,
        'unauthorized_client',
        'Client not enabled to retrieve service account',
      );
    }
    return app.clientId;
  }
}
