import { RequestMethod, type INestApplicationContext, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { AllowedCallersMetadata } from '../../server/nestjs/allowed-callers.decorator.js';
import { PublicMetadata } from '../../server/nestjs/public.decorator.js';
import { RequireAllRolesMetadata } from '../../server/nestjs/require-all-roles.decorator.js';
import { RolesMetadata } from '../../server/nestjs/roles.decorator.js';

/** A route of a Nest app and what the guard's decorators require on it (handler over class). */
export interface NestRoute {
  /** As a matrix names it: `DELETE /reports/{id}`. */
  readonly name: string;
  readonly method: string;
  /** Nest's `:id` written `{id}`, the global prefix included. */
  readonly path: string;
  readonly isPublic: boolean;
  readonly anyRoles?: readonly string[];
  readonly allRoles?: readonly string[];
  readonly callers?: readonly string[];
}

export interface NestRoutesOptions {
  /** The app's `setGlobalPrefix`, e.g. `api`. Default none. */
  globalPrefix?: string;
}

/**
 * Every HTTP route of a Nest app with the guard's requirements on it, read through Nest's
 * discovery and the decorators' own metadata: what a permission matrix must cover.
 */
export function listNestRoutes(
  app: INestApplicationContext,
  options: NestRoutesOptions = {},
): NestRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: NestRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Type | undefined;
    if (!controller || !wrapper.instance) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as (...args: never[]) => unknown;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const targets: [typeof handler, Type] = [handler, controller];
      for (const path of paths(
        options.globalPrefix,
        Reflect.getMetadata(PATH_METADATA, controller),
        Reflect.getMetadata(PATH_METADATA, handler),
      )) {
        const verb = RequestMethod[method];
        const anyRoles = reflector.getAllAndOverride(RolesMetadata, targets);
        const allRoles = reflector.getAllAndOverride(RequireAllRolesMetadata, targets);
        const callers = reflector.getAllAndOverride(AllowedCallersMetadata, targets);
        routes.push({
          name: `${verb} ${path}`,
          method: verb,
          path,
          isPublic: reflector.getAllAndOverride(PublicMetadata, targets) ?? false,
          ...(anyRoles && { anyRoles }),
          ...(allRoles && { allRoles }),
          ...(callers && { callers }),
        });
      }
    }
  }
  return routes;
}

// A controller or handler may list several paths; every combination is a route.
function paths(prefix: string | undefined, controller: unknown, handler: unknown): string[] {
  const list = (value: unknown) =>
    Array.isArray(value) ? (value as string[]) : [String(value ?? '')];
  return list(controller).flatMap((base) =>
    list(handler).map((tail) => {
      const joined = [prefix ?? '', base, tail]
        .map((part) => part.replace(/^\/+|\/+$/g, ''))
        .filter(Boolean)
        .join('/');
      return `/${joined}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    }),
  );
}
