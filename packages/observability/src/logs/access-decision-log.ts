import { Logger } from '@nestjs/common';
import type { AccessDecision, ApiAccessObserver } from '@cern-sso/api-access/server';
import { requestLogger } from './request-context.js';

/**
 * One log line per access decision: route, caller, outcome, refusal code and the roles the route
 * asks for. Never the token: the decision does not carry it. Written straight to the request's
 * pino logger (it carries the request id), with a constant message: on the request path, no
 * string is built for it.
 */
export class AccessDecisionLog implements ApiAccessObserver {
  private readonly fallback = new Logger('AccessDecision');

  decision({ route, outcome, code, caller, cache }: AccessDecision): void {
    const line = {
      context: 'AccessDecision',
      method: route.method,
      route: route.route,
      caller: caller ?? null,
      outcome,
      code: code === '' ? null : code,
      requiredRoles: route.requiredRoles,
      cache,
    };
    const logger = requestLogger.getStore();
    if (logger === undefined) this.fallback.log(line, 'access decision');
    else logger.info(line, 'access decision');
  }
}
