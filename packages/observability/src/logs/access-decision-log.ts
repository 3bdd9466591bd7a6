import { Logger } from '@nestjs/common';
import type { AccessDecision, ApiAccessObserver } from '@cern-sso/api-access/server';

/**
 * One log line per access decision: route, caller, outcome, refusal code and the roles the route
 * asks for. Never the token: the decision does not carry it. The request id comes with the line.
 */
export class AccessDecisionLog implements ApiAccessObserver {
  private readonly logger = new Logger('AccessDecision');

  decision({ route, outcome, code, caller, cache }: AccessDecision): void {
    this.logger.log(
      {
        method: route.method,
        route: route.route,
        caller: caller ?? null,
        outcome,
        code: code === '' ? null : code,
        requiredRoles: route.requiredRoles,
        cache,
      },
      `${outcome} ${route.method} ${route.route}`,
    );
  }
}
