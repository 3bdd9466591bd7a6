import type { ExecutionContext } from '@nestjs/common';
import type { DecisionRoute } from '../index.js';
import type { RouteRequirements } from './route-requirements.js';

// Express puts the matched route on the request (`req.route.path` is its template); other
// adapters fall back to the controller and handler names, which are just as bounded.
type RoutedRequest = { readonly method?: string; readonly route?: { readonly path?: unknown } };

/**
 * Each route's labels for metrics and logs, built on its first decision and kept per route
 * object: later decisions on that route build no strings at all.
 */
export class DecisionRoutes {
  private readonly byRoute = new WeakMap<object, DecisionRoute>();

  of(context: ExecutionContext, requirements: RouteRequirements): DecisionRoute {
    // The handler's first argument is the request (HTTP only, as the guard): no switchToHttp().
    const request = context.getArgByIndex<RoutedRequest>(0);
    const key: object = request.route ?? context.getHandler();
    let route = this.byRoute.get(key);
    if (route === undefined) {
      const template = request.route?.path;
      route = Object.freeze({
        method: request.method ?? 'UNKNOWN',
        route:
          typeof template === 'string'
            ? template
            : `${context.getClass().name}.${context.getHandler().name}`,
        requiredRoles: Object.freeze([
          ...(requirements.anyRoles ?? []),
          ...(requirements.allRoles ?? []),
        ]),
      });
      this.byRoute.set(key, route);
    }
    return route;
  }
}
