import type { ExecutionContext, Type } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { AccessRequirements } from '../index.js';
import { AllowedCallersMetadata } from './allowed-callers.decorator.js';
import { PublicMetadata } from './public.decorator.js';
import { RequireAllRolesMetadata } from './require-all-roles.decorator.js';
import { RolesMetadata } from './roles.decorator.js';

export interface RouteRequirements extends AccessRequirements {
  readonly isPublic: boolean;
}

type Handler = (...args: never[]) => unknown;

/**
 * Each route's decorators, read once (handler over class) and remembered per class and handler:
 * metadata never changes after bootstrap, and the guard runs on every request.
 */
export class RouteRequirementsReader {
  private readonly byClass = new WeakMap<Type, WeakMap<Handler, RouteRequirements>>();

  constructor(private readonly reflector: Reflector) {}

  of(context: ExecutionContext): RouteRequirements {
    const target = context.getClass();
    const handler = context.getHandler() as Handler;
    let byHandler = this.byClass.get(target);
    if (byHandler === undefined) {
      byHandler = new WeakMap();
      this.byClass.set(target, byHandler);
    }
    let requirements = byHandler.get(handler);
    if (requirements === undefined) {
      requirements = this.read([handler, target]);
      byHandler.set(handler, requirements);
    }
    return requirements;
  }

  private read(targets: [Handler, Type]): RouteRequirements {
    return Object.freeze({
      isPublic: this.reflector.getAllAndOverride(PublicMetadata, targets) ?? false,
      anyRoles: this.reflector.getAllAndOverride(RolesMetadata, targets),
      allRoles: this.reflector.getAllAndOverride(RequireAllRolesMetadata, targets),
      callers: this.reflector.getAllAndOverride(AllowedCallersMetadata, targets),
    });
  }
}
