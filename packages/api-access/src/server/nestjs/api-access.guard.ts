import {
  HttpException,
  Injectable,
  Logger,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { AccessTokenVerifier } from '../access-token-verifier.js';
import { authorize } from '../authorize.js';
import { readBearerToken } from '../bearer-header.js';
import { RefusalError } from '../errors.js';
import { toHttpRefusal } from '../http-refusal.js';
import { setRequestPrincipal } from './request-principal.js';
import { RouteRequirementsReader } from './route-requirements.js';

interface HttpRequestLike {
  readonly headers: { readonly authorization?: string | string[] };
}

/**
 * Verifies the bearer token, applies the route's `@Roles` / `@RequireAllRoles` /
 * `@AllowedCallers`, and exposes the caller to `@CurrentPrincipal()`. `@Public()` routes pass.
 * Refusals become RFC 6750 responses here and only here (see `toHttpRefusal`).
 */
@Injectable()
export class ApiAccessGuard implements CanActivate {
  private readonly logger = new Logger(ApiAccessGuard.name);
  private readonly routes: RouteRequirementsReader;

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly adapterHost: HttpAdapterHost,
    reflector: Reflector,
  ) {
    this.routes = new RouteRequirementsReader(reflector);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirements = this.routes.of(context);
    if (requirements.isPublic) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequestLike>();
    try {
      const principal = await this.verifier.verify(readBearerToken(request.headers.authorization));
      authorize(principal, requirements, this.verifier.options.allowedCallers);
      setRequestPrincipal(request, principal);
      return true;
    } catch (error) {
      // Anything else is a bug and stays a 500.
      if (!(error instanceof RefusalError)) throw error;
      throw this.refuse(error, http.getResponse<object>());
    }
  }

  private refuse(error: RefusalError, response: object): HttpException {
    if (error.kind === 'keys_unavailable') {
      // An SSO/JWKS outage, not a bad caller: operators must see it; the token is never logged.
      this.logger.error(`${error.code}: ${error.message}; answering 503`);
    }
    const refusal = toHttpRefusal(error, this.verifier.options.realm);
    const adapter = this.adapterHost.httpAdapter;
    for (const [name, value] of Object.entries(refusal.headers)) {
      adapter.setHeader(response, name, value);
    }
    return new HttpException(refusal.body, refusal.status, { cause: error });
  }
}
