import { HttpException, Inject, Injectable, Logger, type ExecutionContext } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { IncomingMessage } from 'node:http';
import {
  AccessTokenVerifier,
  type AccessDecision,
  type AccessOutcome,
  type ApiAccessAuthenticateOptions,
  type ApiAccessPrincipal,
  asRefusal,
  authorize,
  outcomeOf,
  readBearerToken,
  RefusalError,
  toHttpRefusal,
} from '../index.js';
import { DecisionRoutes } from './decision-routes.js';
import { markDecision } from './decision-span.js';
import { getRequestPrincipal, setRequestPrincipal } from './request-principal.js';
import { type RouteRequirements, RouteRequirementsReader } from './route-requirements.js';

/**
 * `AuthGuard('api-access')` with the shape of the NestJS docs' `@Public()` override: public
 * routes pass, a token verified before is answered from the verifier's cache, and only a new
 * token goes through passport (`super.canActivate`, which runs ApiAccessPassportStrategy).
 * Then the route's `@Roles` / `@RequireAllRoles` / `@AllowedCallers`, read with the Reflector.
 * Refusals become RFC 6750 responses here and only here (see `toHttpRefusal`), and every
 * decision goes to the `observer` option, when there is one, from here.
 */
@Injectable()
export class ApiAccessGuard extends AuthGuard('api-access') {
  private readonly logger = new Logger(ApiAccessGuard.name);
  private readonly routes: RouteRequirementsReader;
  private readonly authenticateOptions: ApiAccessAuthenticateOptions;
  private readonly decisionRoutes = new DecisionRoutes();

  constructor(
    @Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier,
    private readonly adapterHost: HttpAdapterHost,
    reflector: Reflector,
  ) {
    super();
    this.routes = new RouteRequirementsReader(reflector);
    this.authenticateOptions = Object.freeze({ verifier, cacheChecked: true });
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirements = this.routes.of(context);
    if (requirements.isPublic) return true;
    const request = this.getRequest(context);
    const observer = this.verifier.options.observer;
    const started = observer === undefined ? 0 : performance.now();
    let principal: ApiAccessPrincipal | undefined;
    let cache: AccessDecision['cache'] = 'miss';
    try {
      const token = readBearerToken(request.headers.authorization);
      principal = this.verifier.cached(token);
      if (principal === undefined) principal = await this.authenticate(context, request);
      else cache = 'hit';
      authorize(principal, requirements, this.verifier.options.allowedCallers);
      setRequestPrincipal(request, principal);
      markDecision(principal.clientId);
      observer?.decision?.(
        this.decision(context, requirements, started, 'allowed', '', principal, cache),
      );
      return true;
    } catch (error) {
      // Anything else is a bug and stays a 500.
      if (!(error instanceof RefusalError)) throw error;
      markDecision(principal?.clientId, error);
      const outcome = outcomeOf(error.kind);
      observer?.decision?.(
        this.decision(context, requirements, started, outcome, error.code, principal, cache),
      );
      throw this.refuse(error, context.switchToHttp().getResponse<object>());
    }
  }

  /** What observers hear; the caller only once its token was accepted (else it is unproven). */
  private decision(
    context: ExecutionContext,
    requirements: RouteRequirements,
    started: number,
    outcome: AccessOutcome,
    code: string,
    principal: ApiAccessPrincipal | undefined,
    cache: AccessDecision['cache'],
  ): AccessDecision {
    const seconds = (performance.now() - started) / 1000;
    const route = this.decisionRoutes.of(context, requirements);
    return { route, outcome, code, caller: principal?.clientId, cache, seconds };
  }

  /**
   * Passport keeps the strategy registered last; this guard's own verifier goes with the request,
   * and the strategy need not look in the cache this guard has just looked in.
   */
  override getAuthenticateOptions(): ApiAccessAuthenticateOptions {
    return this.authenticateOptions;
  }

  // AuthGuard's seam for where the request lives. This guard serves HTTP only, where the request
  // is the handler's first argument; `switchToHttp()` would build three closures on every call,
  // and a request through passport asks for it three times.
  override getRequest(context: ExecutionContext): IncomingMessage {
    return context.getArgByIndex<IncomingMessage>(0);
  }

  /** Passport's answer for a principal: a refusal is thrown as such, anything else as it was. */
  override handleRequest<T = ApiAccessPrincipal>(
    error: unknown,
    principal: T | false,
    info: unknown,
    context: ExecutionContext,
  ): T {
    if (error === null && principal !== false && principal !== undefined) {
      setRequestPrincipal(this.getRequest(context), principal as ApiAccessPrincipal);
      return principal;
    }
    throw asRefusal(error ?? info) ?? error ?? info;
  }

  private async authenticate(
    context: ExecutionContext,
    request: IncomingMessage,
  ): Promise<ApiAccessPrincipal> {
    await super.canActivate(context);
    const principal = getRequestPrincipal(request);
    if (principal === undefined) throw new Error('passport succeeded without a principal');
    return principal;
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
